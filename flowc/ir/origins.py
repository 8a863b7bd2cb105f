"""File names shipped in artifacts, made relative to the project's folder.

Task code is compiled under the file name the user gave (`ir/code_origin.py`): as
given, so the same command writes the same bytes anywhere. When the files come from
the project's configuration (`[tool.flowc] paths`, no paths given) there is no name
the user gave: the reader shows them relative to the working folder, or whole from
elsewhere, and the artifacts would depend on where the project is checked out and
where flowc ran. Then the names are relative to the project's folder (where
pyproject.toml is): `pipelines/churn.py` from anywhere.
"""

from __future__ import annotations

import os
from pathlib import Path

from flowc.ir.model import Program, PythonTask, TaskCode


def rebased(program: Program, root: Path) -> Program:
    """`program` with every shipped file name of a file under `root` relative to `root` (`/`-separated)."""
    base = Path(os.path.realpath(root))
    tasks = tuple(
        t.model_copy(update={"code": _code(t.code, base)}) if isinstance(t, PythonTask) else t for t in program.tasks
    )
    return program.model_copy(update={"tasks": tasks})


def _code(code: TaskCode, base: Path) -> TaskCode:
    origin = code.origin.model_copy(update={"path": _name(code.origin.path, base)}) if code.origin is not None else None
    modules = tuple(m.model_copy(update={"path": _name(m.path, base)}) for m in code.modules)
    return code.model_copy(update={"origin": origin, "modules": modules})


def _name(path: str, base: Path) -> str:
    """`path` (relative to the working folder, or whole) relative to `base` when it lies under it."""
    file = Path(os.path.realpath(path))
    return file.relative_to(base).as_posix() if file.is_relative_to(base) else path
