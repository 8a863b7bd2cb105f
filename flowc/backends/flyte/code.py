"""Placing a task's own Python source inside the generated module.

A task's code travels as data (`flowc/codegen/task_code.py`): its factory function hands it
to the pasted runtime's `load_task_function`, which runs it as a module of its own, so
tasks from different modules keep their helpers apart and never see the flytekit names
of the generated module, `from __future__` imports keep working, and the code is
compiled at its own lines under the user's file name (tracebacks point there). Being a
literal, the text is never re-indented or parsed where it lands.
"""

from __future__ import annotations

from flowc.codegen.literals import py_literal
from flowc.codegen.task_code import code_literal
from flowc.ir.model import PythonTask
from flowc.ir.names import python_name


def factory_body(task: PythonTask) -> str:
    """The body of a task's code factory: load the task's code, return its function."""
    module = f"__flowc_task_{python_name(task.name)}__"
    return f"    return load_task_function({code_literal(task.name, task.code, '    ')}, {py_literal(module)})"
