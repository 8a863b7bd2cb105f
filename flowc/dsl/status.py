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
    """The status of the enclosing `try` block; only in its `finally` block (a placeholder in plain Python)."""
    return RunStatus(state="succeeded")
