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
from flowc.diff.git import GitError, commit_of, export_revision, repository_top
from flowc.diff.model import WORKING_TREE
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program
from flowc.ir.plan import PipelinePlan


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
    plans: dict[str, PipelinePlan] = field(default_factory=lambda: {})  # engine steps by pipeline, when optimized
    config_file: str | None = None  # its pyproject.toml (shown path; its text in `sources`), where project defaults are set
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})


@dataclass(frozen=True)
class Request:
    """What to compare: two revisions (None: the working tree) or two directories, and the paths to read."""

    old: str | None = "HEAD"
    new: str | None = None
    paths: tuple[str, ...] = ()
    directories: bool = False
    optimize: bool | None = None  # None: each side's [tool.flowc] optimize (default on)


def request_from(arguments: Sequence[str], cwd: Path) -> Request:
    """`flowc diff [A [B]] [PATH...]`: the leading arguments that name commits are the sides (A defaults to
    HEAD, B to the working tree), or the first two when both are directories; the rest are paths.
    """
    first = list(arguments[:2])
    if len(first) == 2 and all((cwd / a).is_dir() for a in first) and not any(_is_commit(cwd, a) for a in first):
        return Request(first[0], first[1], tuple(arguments[2:]), directories=True)
    sides: list[str] = []
    for argument in first:
        if not _is_commit(cwd, argument):
            break
        sides.append(argument)
    return Request(sides[0] if sides else "HEAD", sides[1] if len(sides) > 1 else None, tuple(arguments[len(sides):]))


def _is_commit(cwd: Path, argument: str) -> bool:
    try:
        commit_of(repository_top(cwd), argument)
    except GitError:
        return False
    return True


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


def missing_paths(paths: Sequence[str], sides: Sequence[Side], here: str) -> list[str]:
    """The paths on no side (a typo, or a revision that names no commit)."""
    return [p for p in paths if not any((side.directory / here / p).exists() for side in sides)]


def read_side(side: Side, paths: Sequence[str], here: str, optimize: bool | None = None) -> SideRead:
    """Read `paths` (relative to the working folder `here` within the side; none: the configured paths, or all).

    With the optimizer on (`optimize`, else the side's `[tool.flowc] optimize`), also the engine steps it makes.
    """
    from flowc import api
    from flowc.ir.passes import KEYING, lower, run_passes
    from flowc.ir.passes.explain import explain_program

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
    loaded = api.read(existing, root=config.root, defaults=config.task_defaults)
    read = SideRead(
        side,
        diagnostics=[_shown_diagnostic(side, d) for d in [*config.diagnostics, *loaded.diagnostics]],
        sources={side.show(path): text for path, text in loaded.sources.items()},
    )
    if config.path is not None and config.path.is_relative_to(side.directory):
        read.config_file = side.show(str(config.path))
        read.sources[read.config_file] = config.path.read_text(encoding="utf-8")
    if loaded.ok:  # keyed as `compile -O0` keys it: the calls as written
        lowered = lower(loaded.program)
        read.program = run_passes(lowered, KEYING)
        optimized = config.optimize if optimize is None else optimize
        read.plans = {plan.pipeline: plan for plan in explain_program(lowered)} if optimized else {}
    return read


def _shown_diagnostic(side: Side, diagnostic: Diagnostic) -> Diagnostic:
    span = diagnostic.span
    if span is None:
        return diagnostic
    return diagnostic.model_copy(update={"span": span.model_copy(update={"path": side.show(span.path)})})
