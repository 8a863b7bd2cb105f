"""Which files to read, and how they are named as modules of the user's project."""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

_SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages"})


@dataclass(frozen=True)
class InputFile:
    """A file to read: `path` as the user gave it (or joined from a directory they gave)."""

    path: str
    file: Path
    from_directory: bool


def discover(paths: Sequence[str | Path]) -> tuple[list[InputFile], list[str]]:
    """Input files in the order given (directories: every `*.py`, sorted), and missing paths."""
    found: list[InputFile] = []
    missing: list[str] = []
    seen: set[Path] = set()
    for given in paths:
        text = os.fspath(given)
        p = Path(text)
        if p.is_dir():
            items = [(os.path.join(text, rel), True) for rel in _walk(p)]
        elif p.is_file():
            items = [(text, False)]
        else:
            missing.append(text)
            continue
        for shown, from_dir in items:
            resolved = Path(shown).resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(InputFile(shown, resolved, from_dir))
    return found, missing


def _walk(top: Path) -> Iterator[str]:
    """Relative paths of `*.py` files under `top`, sorted, skipping hidden dirs and venvs."""
    out: list[str] = []
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = [d for d in dirnames if not _skip_dir(Path(dirpath) / d)]
        rel = os.path.relpath(dirpath, top)
        for name in filenames:
            if name.endswith(".py") and not name.startswith("."):
                out.append(name if rel == "." else os.path.join(rel, name))
    return iter(sorted(out))


def _skip_dir(d: Path) -> bool:
    return d.name.startswith(".") or d.name in _SKIP_DIRS or (d / "pyvenv.cfg").exists()


def auto_root(file: Path) -> Path:
    """The first ancestor directory that is not a package (has no `__init__.py`)."""
    d = file.parent
    while (d / "__init__.py").exists() and d.parent != d:
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
        if candidate.is_file():
            return candidate.resolve()
    return None


def shown_path(file: Path, relative: bool) -> str:
    """How to show a file the user did not name: relative to the cwd when they used relative paths."""
    if relative:
        try:
            return os.path.relpath(file)
        except ValueError:
            return str(file)
    return str(file)
