"""Source text embedded in generated task code (see `task_runtime.py`)."""

from __future__ import annotations

from functools import cache
from importlib.resources import files


@cache
def runtime_source() -> str:
    """The text of `task_runtime.py`, ready to paste at the top of a generated runner."""
    text = files("flowc.codegen.runtime").joinpath("task_runtime.py").read_text(encoding="utf-8")
    # Drop the module docstring and `from __future__` line: the runner has its own.
    start = text.index("# --- runtime ---")
    return text[start:]


@cache
def placeholder_text_source() -> str:
    """The text of `placeholder_text.py` (the value-to-text rule), for runtimes that fill container commands."""
    text = files("flowc.codegen.runtime").joinpath("placeholder_text.py").read_text(encoding="utf-8")
    return text[text.index("# --- placeholder text ---"):]


@cache
def input_digest_source() -> str:
    """The text of `input_digest.py` (the canonical form of input values), for runtimes with a result cache."""
    text = files("flowc.codegen.runtime").joinpath("input_digest.py").read_text(encoding="utf-8")
    return text[text.index("# --- input digest ---"):]
