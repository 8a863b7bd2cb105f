"""The two sides of a diff, each read statically: a git revision, the working tree, or a directory.

A revision is exported (its Python and pyproject.toml files only, `git.py`) to a
temporary folder and read there; the working tree and a directory are read where
they are. Each side is read exactly as `flowc compile -O0` reads it (its own
`[tool.flowc]` settings, so a changed project image counts), lowered and keyed: its
steps are the task calls as written, before the optimizer fuses or merges them.
Paths are shown relative to the repository's top (or under the directory as given),
the way a pull request shows them.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from flowc.config import ConfigError, load_config
from flowc.diff.git import commit_of, export_revision, repository_top
from flowc.diff.model import WORKING_TREE
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program


@dataclass(frozen=True)
class Side:
    """One side: how the output names it, where its files are, how its paths are shown."""

    label: str
    directory: Path
    prefix: str = ""  # before a path relative to `directory`: "" (the working tree), "HEAD:", "old/"

    def show(self, path: str) -> str:
        """`path` (a file of this side) as the output shows it: `pipelines/churn.py`, `new/churn.py`."""
        try:
            rel = PurePath(os.path.relpath(path, self.directory)).as_posix()
        except ValueError:
            return path
        return path if rel.startswith("../") else self.prefix + rel


@dataclass
class SideRead:
    """A side read: its program (lowered and keyed, unoptimized), diagnostics and sources under shown paths."""

    side: Side
    program: Program = field(default_factory=Program)
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})


@dataclass(frozen=True)
class Request:
    """What to compare: two revisions (None: the working tree) or two directories, and the paths to read."""

    old: str | None = "HEAD"
    new: str | None = None
    paths: tuple[str, ...] = ()
    directories: bool = False


@contextmanager
def opened_sides(request: Request, cwd: Path) -> Generator[tuple[Side, Side, str], None, None]:
    """Both sides ready to read, and the working folder relative to their top ("" at the top).

    Raises GitError for a bad revision or a folder outside any repository.
    """
    if request.directories:
        old, new = (_directory_side(cwd, d) for d in (request.old or ".", request.new or "."))
        yield old, new, ""
        return
    top = repository_top(cwd)
    exports: list[Path] = []
    try:
        # The new side's paths are the repository's own (where annotations go); the old side's read `HEAD:path`.
        old = _revision_side(top, request.old, exports, prefixed=True)
        new = _revision_side(top, request.new, exports, prefixed=False)
        yield old, new, _relative(cwd, top)
    finally:
        for folder in exports:
            shutil.rmtree(folder, ignore_errors=True)


def _directory_side(cwd: Path, given: str) -> Side:
    return Side(label=given, directory=Path(os.path.realpath(cwd / given)), prefix=PurePath(given).as_posix().rstrip("/") + "/")


def _revision_side(top: Path, revision: str | None, exports: list[Path], *, prefixed: bool) -> Side:
    if revision is None:
        return Side(label=WORKING_TREE, directory=top)
    commit = commit_of(top, revision)
    folder = Path(os.path.realpath(tempfile.mkdtemp(prefix="flowc-diff-")))
    exports.append(folder)
    export_revision(top, commit, folder)
    return Side(label=revision, directory=folder, prefix=f"{revision}:" if prefixed else "")


def _relative(path: Path, top: Path) -> str:
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(top))
    return "" if rel == "." or rel.startswith("..") else rel


def read_side(side: Side, paths: Sequence[str], here: str) -> SideRead:
    """Read `paths` (relative to the working folder `here` within the side; none: the configured paths, or all)."""
    from flowc import api

    start = side.directory / here
    try:
        config = load_config(start if start.is_dir() else side.directory)
    except ConfigError as exc:
        message = str(exc).replace(f"{side.directory}{os.sep}", side.prefix)
        return SideRead(side, diagnostics=[Diagnostic.of(codes.BAD_CONFIG, None, message)])
    targets = [start / p for p in paths] if paths else list(config.paths) or [start]
    existing = [str(t) for t in targets if t.exists()]  # a path missing on one side: nothing there yet
    if not existing:
        return SideRead(side, diagnostics=list(config.diagnostics))
    loaded = api.prepared(api.read(existing, root=config.root, defaults=config.task_defaults), optimize=False)
    diagnostics = [*config.diagnostics, *loaded.diagnostics]
    return SideRead(
        side,
        program=loaded.program,
        diagnostics=[_shown_diagnostic(side, d) for d in diagnostics],
        sources={side.show(path): text for path, text in loaded.sources.items()},
    )


def _shown_diagnostic(side: Side, diagnostic: Diagnostic) -> Diagnostic:
    span = diagnostic.span
    if span is None:
        return diagnostic
    return diagnostic.model_copy(update={"span": span.model_copy(update={"path": side.show(span.path)})})
