"""Text pasted into generated DAG files: the worker runtime and each task's program."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flowc.codegen.literals import py_literal
from flowc.codegen.runtime import placeholder_text_source, runtime_source
from flowc.codegen.task_code import code_literal
from flowc.codegen.typespec import type_spec
from flowc.ir.model import PythonTask
from flowc.ir.types import NamedTupleType


@cache
def _runtime_file(name: str, marker: str) -> str:
    text = files("flowc.backends.airflow.runtime").joinpath(name).read_text(encoding="utf-8")
    return text[text.index(marker) :]


def dag_runtime_source() -> str:
    """The worker-side functions every DAG file carries (see runtime/dag_runtime.py), and the value-to-text rule."""
    return _runtime_file("dag_runtime.py", "# --- dag runtime ---").rstrip() + "\n\n\n" + placeholder_text_source()


def result_cache_source() -> str:
    """The result cache's worker-side functions (see runtime/result_cache.py), pasted when it is on."""
    return _runtime_file("result_cache.py", "# --- result cache ---").rstrip()


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
    main = _runtime_file("task_main.py", "# --- task main ---")
    return runtime_source().rstrip() + "\n\n\n" + main.rstrip() + "\n\n\n"


def task_code(task: PythonTask) -> str:
    """The task's own part of its program: its code (as data) and its interface.

    The full program is `task_runtime() + task_code(task)`: self-contained, so the
    image needs the task's packages, never flowc or Airflow. The same text runs
    in-process in the worker (python mode) and as `python -c` in a pod; either way the
    task's code is compiled under its own file's name and lines (`load_task_function`).
    """
    parts = [
        "# --- task code ---",
        "_FLOWC_SOURCE = " + code_literal(task.name, task.code),
        "_FLOWC_TASK = " + py_literal(task_interface(task)),
    ]
    return "\n\n".join(parts) + "\n"
