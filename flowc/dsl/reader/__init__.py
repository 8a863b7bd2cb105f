"""The static reader: pipeline source files to the IR, never importing or running them.

    result = read_paths(["examples/churn.py"])
    result.program, result.diagnostics, result.sources

Files are parsed with libcst (positions come from `ast`, which also never runs
code); tasks and pipelines are recognized however flowc is imported, and tasks and
pipelines imported from the user's own modules are followed.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program
from flowc.ir.task_options import ProjectDefaults

__all__ = ["ReadResult", "read_paths"]


@dataclass
class ReadResult:
    """A read: the program (partial when there are errors), every diagnostic, the sources."""

    program: Program
    diagnostics: list[Diagnostic]
    sources: dict[str, str]


def read_paths(
    paths: Sequence[str | Path],
    root: str | Path | None = None,
    overlays: Mapping[Path, str] | None = None,
    defaults: ProjectDefaults | None = None,
) -> ReadResult:
    """Read files and directories (every `*.py` under them) into one Program.

    `overlays` maps files (resolved, as `files.real_path` gives them) to text read in
    place of what is on disk: an editor's unsaved buffers. `defaults` are the project's
    task defaults (`[tool.flowc] image`, `packages`).
    """
    import gc

    from flowc.dsl.reader.program import read_program

    # Parsing builds hundreds of thousands of small objects and no garbage cycles worth
    # collecting; the cyclic collector's repeated full passes made reading superlinear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return read_program(paths, root, overlays or {}, defaults or ProjectDefaults())
    finally:
        if enabled:
            gc.enable()
