"""Text pasted into generated DAG files: the worker runtime and each task's program."""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flowc.codegen.futures import exec_statement, has_future_import
from flowc.codegen.literals import py_identifier, py_literal
from flowc.codegen.runtime import input_digest_source, placeholder_text_source, runtime_source
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
    """The result cache's worker-side functions (see runtime/result_cache.py) and the input rule they key on."""
    return input_digest_source().rstrip() + "\n\n\n" + _runtime_file("result_cache.py", "# --- result cache ---").rstrip()


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
    """The task's own part of its program: flowc names bound, its code, its interface.

    The full program is `task_runtime() + task_code(task)`: self-contained, so the
    image needs the task's packages, never flowc or Airflow. The same text runs
    in-process in the worker (python mode) and as `python -c` in a pod.
    """
    bindings = [
        f"{py_identifier(imp.local)} = {py_identifier(imp.attr) if imp.attr else 'flowc'}"
        for imp in task.code.flowc_imports
        if imp.local != imp.attr
    ]
    own = [task.code.preamble.strip(), task.code.function.strip()]
    if has_future_import(task.code.preamble):
        # Its future imports must open a compilation unit: the task's code gets its own.
        own = [exec_statement("\n\n".join(own) + "\n", f"<flowc task {task.name}>", "globals()")]
    parts = [
        "# --- task code ---",
        "\n".join(bindings),
        *own,
        "_FLOWC_TASK = " + py_literal(task_interface(task)),
    ]
    return "\n\n".join(p for p in parts if p) + "\n"
