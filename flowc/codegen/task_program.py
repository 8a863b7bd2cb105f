"""A Python task's program as the engines run it: THE one place its text is made.

A task program is `task_runtime() + task_code(task)`: flowc's task runtime
(`runtime/task_runtime.py`), the entry point (`runtime/task_main.py`), then the task's
own code (as data, `_FLOWC_SOURCE`) and its interface `_FLOWC_TASK`. It is self-contained, so the image
needs the task's packages, never flowc. Airflow runs it in the worker (python mode) or
as `python -c` in a pod; `flowc run` runs it as a program of its own.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flowc.codegen.literals import py_literal
from flowc.codegen.runtime import runtime_source
from flowc.codegen.task_code import code_literal
from flowc.codegen.typespec import type_spec
from flowc.ir.model import PythonTask
from flowc.ir.types import NamedTupleType


@cache
def _task_main() -> str:
    text = files("flowc.codegen.runtime").joinpath("task_main.py").read_text(encoding="utf-8")
    return text[text.index("# --- task main ---") :]


def task_interface(task: PythonTask) -> dict[str, object]:
    """What the task program's main needs to know: function, typed inputs and outputs."""
    return {
        "function": task.code.function_name,
        "inputs": [[p.name, type_spec(p.type)] for p in task.params],
        "outputs": [[o.name, type_spec(o.type)] for o in task.outputs],
        "multi": isinstance(task.returns, NamedTupleType),
    }


def task_runtime() -> str:
    """What every task program starts with: flowc's task runtime and the entry point."""
    return runtime_source().rstrip() + "\n\n\n" + _task_main().rstrip() + "\n\n\n"


def task_code(task: PythonTask) -> str:
    """The task's own part of its program: its code (as data) and its interface.

    The full program is `task_runtime() + task_code(task)`: self-contained, so the
    image needs the task's packages, never flowc or an engine. The task's code is
    compiled under its own file's name and lines (`load_task_function`), so a failure's
    traceback points at the user's source wherever the program runs.
    """
    parts = [
        "# --- task code ---",
        "_FLOWC_SOURCE = " + code_literal(task.name, task.code),
        "_FLOWC_TASK = " + py_literal(task_interface(task)),
    ]
    return "\n\n".join(parts) + "\n"
