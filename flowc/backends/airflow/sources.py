"""Text pasted into generated DAG files: the worker runtime and each task's program.

A task's program is made in one place for every consumer (`flowc/codegen/task_program.py`);
this module re-exports it for the DAG renderer.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

from flowc.codegen.runtime import input_digest_source, placeholder_text_source
from flowc.codegen.task_program import task_code, task_interface, task_runtime

__all__ = ["dag_runtime_source", "result_cache_source", "task_code", "task_interface", "task_runtime"]


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
