"""Running compiled specs under kfp.local, with kfp's own orchestration.

kfp.local's `SubprocessRunner` refuses any task whose command does not run kfp's
own executor (`SubprocessTaskHandler.validate_not_container_component`). flowc's
Python tasks carry their own runner and container tasks run their command, so that
one guard is lifted; everything else (DAG order, conditions, loops, placeholders,
executor input and output files, caching) is kfp.local's real code.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@contextlib.contextmanager
def lifted_guard() -> Iterator[None]:
    from kfp.local import subprocess_task_handler

    def allow(self: object, full_command: list[str]) -> None:
        return None

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(subprocess_task_handler.SubprocessTaskHandler, "validate_not_container_component", allow)
        yield


@contextlib.contextmanager
def counting_executions(counts: Counter[str] | None = None) -> Iterator[Counter[str]]:
    """Count task executions by executor label (observes kfp.local; changes nothing it does).

    Every call of a task has a component of its own, and all share the task's executor.
    """
    from kfp.local import task_dispatcher

    counts = Counter[str]() if counts is None else counts
    lock = threading.Lock()
    real = task_dispatcher.run_single_task_implementation

    def counted(*args: Any, **kwargs: Any) -> Any:
        from kfp.local import status

        result = real(*args, **kwargs)
        if result[1] == status.Status.SUCCESS:  # a task that failed did not run to its end
            with lock:
                counts[kwargs["component_spec"].executor_label] += 1
        return result

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(task_dispatcher, "run_single_task_implementation", counted)
        yield counts


def run_spec(
    path: Path, args: dict[str, Any], root: Path, *, caching: bool = False, executions: Counter[str] | None = None,
) -> tuple[dict[str, Any], Counter[str]]:
    """Run a compiled spec file with kfp.local; its outputs by flowc name, and executions by executor
    (counted into `executions` when given, so a caller still has them when the run fails)."""
    from kfp import components, local

    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root=str(root), enable_caching=caching)
    component = components.load_component_from_file(str(path))
    with counting_executions(executions) as counts:
        task = component(**args)
    outputs = {("output" if k == "Output" else k): v for k, v in task.outputs.items()}
    return outputs, counts
