"""What the pre-commit hooks (`.pre-commit-hooks.yaml`) run on: the staged files, as `[tool.flowc]` sees them.

pre-commit passes a hook the staged files that match its `types`; flowc does not
trust a folder pattern in the hook definition but asks `[tool.flowc]`:

    [tool.flowc]
    paths = ["pipelines"]     # the pipeline files and folders
    root = "."                # the import root: modules the pipelines import live under it
    out = "generated"         # the committed artifacts

A hook runs when a staged file lies under one of `paths`, under the import root of one
(`root`, or else the first folder above it that is not a package: a module a pipeline may
import), is the pyproject.toml or, for `flowc-compile`, lies under `out` (an artifact
edited by hand).

`flowc-check` then reports what concerns the staged files: the changed pipeline files
under `paths`, and every file under `paths` whose check reads a changed module (it
imports it, directly or through another module), as the incremental check's units
record it (`flowc.incremental.units.Unit.reads_any`: the import graph it invalidates
by). A broken pipeline that no staged file concerns is not reported: hooks look at
what a commit changes, and `pre-commit run --all-files` (or `flowc check` in CI) checks
everything. A staged pyproject.toml concerns every pipeline (targets, image defaults,
backend options): then all of `paths` is checked.

`flowc-compile` compiles all of `paths`: which artifacts exist, and what each holds,
depends on the whole project (an artifact's entry pipeline may call sub-pipelines of
any module), so only a whole compile can tell that every committed artifact is current.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from flowc.config import Config, shown


def watched_folders(config: Config, *, artifacts: bool) -> list[Path]:
    """The files and folders whose changes concern a hook: paths, root, the import root of each path
    (modules its pipelines may import), the pyproject.toml itself (targets, defaults, options) and (for
    artifacts) out."""
    roots = {root for root in (import_root(config, p) for p in config.paths) if root is not None}
    out = [*config.paths, *([config.root] if config.root else []), *sorted(roots), *([config.path] if config.path else [])]
    if artifacts and config.out is not None:
        out.append(config.out)
    return out


def import_root(config: Config, path: Path) -> Path | None:
    """Where the modules that the pipelines under `path` import live, as the reader finds them:
    `root` when it holds `path`, else the first folder above it that is not a package (None
    when `path` does not exist)."""
    from flowc.dsl.reader.files import auto_root

    if config.root is not None and _within(_real(path), _real(config.root)):
        return config.root
    if os.path.isdir(path):
        return auto_root(_real(path) / "_.py")
    return auto_root(_real(path)) if os.path.isfile(path) else None


def touches(config: Config, changed: Iterable[str | Path], *, artifacts: bool = False) -> list[Path]:
    """The files of `changed` (relative to the working folder) that lie under a watched file or folder."""
    watched = [_real(p) for p in watched_folders(config, artifacts=artifacts)]
    return [Path(f) for f in changed if any(_within(_real(Path(f)), w) for w in watched)]


def hook_paths(config: Config, changed: Sequence[str | Path]) -> list[str]:
    """What a hook reads: the configured paths, or (without any) the changed Python files themselves."""
    if config.paths:
        return [shown(p) for p in config.paths]
    return [str(f) for f in changed if str(f).endswith(".py")]


def changed_files(config: Config, changed: Sequence[str | Path]) -> frozenset[str] | None:
    """The staged files as real paths, to check what they concern; None when one of them concerns
    every pipeline: the project's pyproject.toml."""
    files = frozenset(os.path.realpath(f) for f in changed)
    if config.path is not None and os.path.realpath(config.path) in files:
        return None
    return files


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _within(path: Path, folder: Path) -> bool:
    return path.is_relative_to(folder)
