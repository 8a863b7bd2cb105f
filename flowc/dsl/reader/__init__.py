"""The static reader: pipeline source files to the IR, never importing or running them.

    result = read_paths(["examples/churn.py"])
    result.program, result.diagnostics, result.sources

Files are parsed with libcst (positions come from `ast`, which also never runs
code); tasks and pipelines are recognized however flowc is imported, and tasks and
pipelines imported from the user's own modules are followed.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # annotations only: `flowc.dsl.reader.files` imports cheaply (the incremental check's fast path)
    from flowc.dsl.reader.files import InputFile
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
    given: tuple[Path, ...] = ()  # the given files this read loaded (resolved)
    loaded: tuple[Path, ...] = ()  # every module file it loaded or tried to, given or imported
    modules: tuple[tuple[str, Path], ...] = ()  # (dotted name, file) of every module it read
    defined: frozenset[tuple[str, str, str]] = field(default_factory=lambda: frozenset[tuple[str, str, str]]())
    """("task" or "pipeline", module, name as written) of each definition read: what another read's could collide with."""


def read_paths(
    paths: Sequence[str | Path],
    root: str | Path | None = None,
    overlays: Mapping[Path, str] | None = None,
    defaults: ProjectDefaults | None = None,
    *,
    only: Collection[Path] | None = None,
    inputs: Sequence[InputFile] | None = None,
) -> ReadResult:
    """Read files and directories (every `*.py` under them) into one Program.

    `overlays` maps files (resolved, as `files.real_path` gives them) to text read in
    place of what is on disk: an editor's unsaved buffers. `defaults` are the project's
    task defaults (`[tool.flowc] image`, `packages`).

    `only` reads just those of the given files (resolved paths) and what they import,
    as the same read of every file would (shown paths, modules given or imported):
    the incremental check reads a project part by part. `inputs` is `discover(paths)`'s
    list when the caller has it.
    """
    import gc

    from flowc.dsl.reader.program import read_program

    # Parsing builds hundreds of thousands of small objects and no garbage cycles worth
    # collecting; the cyclic collector's repeated full passes made reading superlinear.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return read_program(paths, root, overlays or {}, defaults, only=only, inputs=inputs)
    finally:
        if enabled:
            gc.enable()
