"""`RunStatus` and `run_status()`: what a `finally` block's steps may learn of their `try` block.

In a pipeline body:

    try:
        model = train(data=data)
    finally:
        notify(status=run_status())

`run_status()` is read by the compiler, never called on an engine; each engine hands
its own outcome to the step (KFP's `PipelineTaskFinalStatus`, the Airflow dag run's
failed task instances, Flyte's failure-node `FlyteError`), and the task receives a
`RunStatus`. `failed_step` and `error` are None where the engine does not say.
"""

from __future__ import annotations

import sys
from typing import Literal, NamedTuple

__all__ = ["RunState", "RunStatus", "run_status"]

RunState = Literal["succeeded", "failed"]


class RunStatus(NamedTuple):
    """How a `try` block ended: its state, the step that failed and the error, where known."""

    state: RunState
    failed_step: str | None = None
    error: str | None = None

    @property
    def failed(self) -> bool:
        return self.state == "failed"


def run_status() -> RunStatus:
    """The status of the enclosing `try` block; only in its `finally` block.

    Called as plain Python (a pipeline function run directly), it reports the exception
    the `finally` block is running under, if any: the same meaning an engine gives it
    (`sys.exc_info()`: a pipeline function called inside an `except` block sees that one).
    """
    error = sys.exc_info()[1]
    if error is None:
        return RunStatus(state="succeeded")
    return RunStatus(state="failed", failed_step=_failed_task(error), error=str(error))


def _failed_task(error: BaseException) -> str | None:
    """The innermost flowc task (a function marked by `@task`) the exception came through."""
    found: str | None = None
    tb = error.__traceback__
    while tb is not None:
        code = tb.tb_frame.f_code
        if hasattr(tb.tb_frame.f_globals.get(code.co_name), "__flowc__"):
            found = code.co_name
        tb = tb.tb_next
    return found
