"""Which files to read, and how they are named as modules of the user's project."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from flowc.dsl.reader.source import printable_path
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic

_SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages"})


@dataclass(frozen=True)
class InputFile:
    """A file to read: `path` as the user gave it (or joined from a directory they gave)."""

    path: str
    file: Path
    from_directory: bool


def discover(paths: Sequence[str | Path]) -> tuple[list[InputFile], list[Diagnostic]]:
    """Input files in the order given (directories: every `*.py` regular file, sorted), and problems.

    A path given by name is read whatever it is, so that the reader can say what is
    wrong with it (a pipe, a device, unreadable); a folder walk takes only regular
    files, so a FIFO or a link to /dev/zero in a project never blocks or floods a read.
    """
    found: list[InputFile] = []
    problems: list[Diagnostic] = []
    seen: set[Path] = set()
    for given in paths:
        text = os.fspath(given)
        if os.path.isdir(text):
            items = [(os.path.join(text, rel), True) for rel in _walk(text, problems)]
        elif not _missing(text):
            items = [(text, False)]
        else:
            problems.append(Diagnostic.of(codes.FILE_NOT_FOUND, None, printable_path(text)))
            continue
        for shown, from_dir in items:
            resolved = real_path(shown)
            if resolved not in seen:
                seen.add(resolved)
                found.append(InputFile(shown, resolved, from_dir))
    return found, problems


def _missing(path: str) -> bool:
    """Whether nothing is at `path` (an entry that cannot be looked at is there: reading says why)."""
    try:
        os.lstat(path)
    except (FileNotFoundError, NotADirectoryError, ValueError):
        return True
    except OSError:
        return False
    return False


def real_path(path: str | Path) -> Path:
    """`path` with symlinks resolved as far as they can be; never raises (loops, unreadable links)."""
    try:
        return Path(os.path.realpath(path))
    except (OSError, ValueError):
        return Path(os.path.abspath(path))


def _walk(top: str, problems: list[Diagnostic]) -> list[str]:
    """Relative paths of `*.py` regular files under `top`, sorted; skips hidden dirs, venvs, symlinked dirs."""
    out: list[str] = []
    pending = [""]
    while pending:
        rel = pending.pop()
        here = os.path.join(top, rel) if rel else top
        try:
            with os.scandir(here) as listing:
                entries = list(listing)
        except OSError as exc:
            problems.append(Diagnostic.of(codes.CANNOT_READ, None, printable_path(here), exc.strerror or type(exc).__name__))
            continue
        for entry in entries:
            name = os.path.join(rel, entry.name) if rel else entry.name
            if entry.name.startswith("."):
                continue
            if _is_dir(entry):
                if not _skip_dir(entry):
                    pending.append(name)
            elif entry.name.endswith(".py") and _is_regular(entry):
                out.append(name)
    return sorted(out)


def _is_dir(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False


def _is_regular(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a symlink to one (an unreadable one too: reading it says why)."""
    try:
        return entry.is_file(follow_symlinks=True)
    except OSError:
        return False


def _skip_dir(entry: os.DirEntry[str]) -> bool:
    return entry.name in _SKIP_DIRS or os.path.isfile(os.path.join(entry.path, "pyvenv.cfg"))


def auto_root(file: Path) -> Path:
    """The first ancestor directory that is not a package (has no `__init__.py`)."""
    d = file.parent
    while os.path.isfile(d / "__init__.py") and d.parent != d:
        d = d.parent
    return d


def module_name(file: Path, root: Path) -> str | None:
    """The dotted module name of `file` under `root`, or None when it lies outside."""
    try:
        rel = file.with_suffix("").relative_to(root)
    except ValueError:
        return None
    parts = list(rel.parts)
    if parts and parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts) if parts and all(p.isidentifier() for p in parts) else None


def module_file(root: Path, dotted: str) -> Path | None:
    """The file defining module `dotted` under `root`: `a/b.py` or `a/b/__init__.py`."""
    if not dotted:
        return None
    base = root.joinpath(*dotted.split("."))
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if os.path.isfile(candidate):
            return real_path(candidate)
    return None


def shown_path(file: Path, relative: bool) -> str:
    """How to show a file the user did not name: relative to the cwd when they used relative paths."""
    if relative:
        try:
            return os.path.relpath(file)
        except ValueError:
            return str(file)
    return str(file)
