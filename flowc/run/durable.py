"""Files that survive a crash: fsynced trees and atomic moves into place (standard library only).

The store commits a step's row only after its artifacts are on disk for good: every file
and every folder on the way fsynced (a rename is durable only once its folder is). A
file that must move into the store goes to a temporary name beside its target first
(renamed when on the same file system, else copied), is fsynced there, and is renamed
over the target, so the target path holds a whole artifact or nothing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from pathlib import Path

TEMP_PREFIX = ".flowc-tmp-"  # what an interrupted move leaves behind: never referenced, safe to delete


def fsync_tree(path: Path) -> None:
    """fsync `path` (a file, or a folder with everything in it) and the folder holding it."""
    if path.is_dir():
        for root, dirs, names in os.walk(path):
            for name in names:
                _fsync_file(Path(root) / name)
            for name in dirs:
                fsync_dir(Path(root) / name)
        fsync_dir(path)
    else:
        _fsync_file(path)
    fsync_dir(path.parent)


def fsync_dir(folder: Path) -> None:
    """fsync a folder, so the names created, renamed or removed in it are durable (a no-op where unsupported)."""
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):  # some file systems refuse fsync on a folder
            os.fsync(fd)
    finally:
        os.close(fd)


def make_dirs(folder: Path, top: Path) -> None:
    """Create `folder` (under `top`) and fsync each folder whose entries it changed."""
    missing: list[Path] = []
    here = folder
    while not here.exists() and here != top and here != here.parent:
        missing.append(here)
        here = here.parent
    folder.mkdir(parents=True, exist_ok=True)
    for created in reversed(missing):
        fsync_dir(created.parent)


def sync_dirs(folder: Path, top: Path) -> None:
    """fsync `folder` and every folder above it up to `top`: each name on the way to it is durable."""
    here = folder
    while here != top and here != here.parent:
        fsync_dir(here)
        here = here.parent
    fsync_dir(top)


def move_into_place(source: Path, target: Path, *, keep_source: bool = False) -> None:
    """Move (or with `keep_source`, copy) the file or folder `source` to `target`: whole, durable, atomic."""
    temp = target.parent / f"{TEMP_PREFIX}{secrets.token_hex(6)}-{target.name}"
    moved = False
    try:
        try:
            if keep_source:
                raise OSError("copy asked")
            os.rename(source, temp)
            moved = True
        except OSError:  # another file system (EXDEV), a name we may not take, or a copy asked: copy
            _copy(source, temp)
        fsync_tree(temp)
        os.rename(temp, target)
    except BaseException:
        remove_tree(temp)
        raise
    fsync_dir(target.parent)
    if not moved and not keep_source:
        remove_tree(source)


def remove_tree(path: Path) -> None:
    """Remove a file or folder if it is there (never following a link out of it)."""
    if path.is_symlink() or path.is_file():
        with contextlib.suppress(OSError):
            path.unlink()
    elif path.is_dir():
        shutil.rmtree(path, ignore_errors=True)


def clear_folder(folder: Path) -> None:
    """Empty `folder` of what an interrupted attempt left: first renamed aside (one atomic step), then removed."""
    if not folder.is_dir() or not any(folder.iterdir()):
        return
    aside = folder.parent / f"{TEMP_PREFIX}{secrets.token_hex(6)}-{folder.name}"
    os.rename(folder, aside)
    folder.mkdir()
    fsync_dir(folder.parent)
    remove_tree(aside)


def _fsync_file(path: Path) -> None:
    if path.is_symlink():
        return
    with open(path, "rb") as stream:
        os.fsync(stream.fileno())


def _copy(source: Path, dest: Path) -> None:
    if source.is_dir():
        shutil.copytree(source, dest, symlinks=True)
    else:
        shutil.copy2(source, dest)
