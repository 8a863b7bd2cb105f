"""Writing artifacts: all of a compile's files land, or none of them do, and only under `out_dir`.

    write_all(Path("build"), {"kfp/churn.yaml": b"...", "airflow/churn.py": b"..."}, inputs=[Path("churn.py")])

A pipeline file is untrusted input, and so is whatever a backend derived from it, so
every path is checked before anything is touched: it must resolve (symlinks
included) to a place inside the resolved `out_dir`, and must not be one of the
compile's input files.

Then, holding a lock on `out_dir` (so two compiles into one folder take turns):

1. Recover and sweep: a journal left by a process killed while renaming is rolled
   back, and every flowc temporary file (`.<name>.flowc-tmp-*`) in the folders being
   written is removed.
2. Stage: each changed file is written to a temporary file beside its target (mode
   0666 minus the umask, like any other tool's output) and fsynced.
3. Commit: a journal lists the targets; each existing target gets a hard-linked
   backup, then the temporary file is renamed over it. If a rename fails, the ones
   already done are put back from their backups and the error names the file.
   Removing the journal is the commit point; then the backups go.

SIGINT and SIGTERM raise while staging (so temporary files are removed on the way
out) and are held back while committing or rolling back (so the renames finish as a
set); after clean-up the signal is delivered again with the handler the program had.
SIGKILL cannot be caught: its temporary files are swept, and its half-done renames
rolled back, by the next write into the same folder.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
from collections.abc import Collection, Generator, Iterable, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import cast

from flowc.codegen.signals import held_signals, signals_raise
from flowc.ir.names import airflow_name

TEMP_MARK = ".flowc-tmp-"
JOURNAL_PREFIX = f".flowc-journal{TEMP_MARK}"


def file_stem(name: str) -> str:
    """An artifact's file name stem from a pipeline name: the engine-sanitized name (Airflow's rule:
    letters, digits, `_`, `-`), so no name reaches another folder and an identifier stays as it is.

    >>> file_stem("weekly_report"), file_stem("../../escaped/outside"), file_stem("/etc/cron.d/x")
    ('weekly_report', 'escaped_outside', 'etc_cron_d_x')
    """
    return airflow_name(name).lstrip("-")


class WriteError(OSError):
    """A write that was refused or failed; `path` is the file it concerns."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class OutsideOutput(WriteError):
    """The file would land outside the output folder (a `..`, an absolute path, a symlink)."""


class OverInput(WriteError):
    """The file would replace `source`, one of the compile's input files."""

    def __init__(self, path: Path, source: str | Path) -> None:
        super().__init__(path, f"it is the input file {source}")
        self.source = source


class WriteFailed(WriteError):
    """The operating system refused a write, a rename or a folder."""


@dataclass(frozen=True)
class _Staged:
    """One file on its way: the temporary file holding the new bytes, its target, the backup name."""

    rel: str
    target: Path
    temp: Path
    backup: Path | None


def write_all(out_dir: Path, files: Mapping[str, bytes], *, inputs: Collection[str | Path] = ()) -> list[Path]:
    """Write `files` (relative path -> bytes) under `out_dir`, all or nothing; returns the paths.

    Files whose content is unchanged are not rewritten (their mtime stays, which build
    tools appreciate). Raises `OutsideOutput` or `OverInput` before touching anything,
    `WriteFailed` (after rolling back) when the system refuses a write.
    """
    check_targets(out_dir, sorted(files), inputs)  # before anything exists, even `out_dir`
    with signals_raise():
        with _locked(out_dir):
            targets = check_targets(out_dir, sorted(files), inputs)  # again, under the lock
            _recover(out_dir)
            _sweep({out_dir, *(t.parent for t in targets.values())})
            changed = {rel: t for rel, t in targets.items() if not _unchanged(t, files[rel])}
            _stage_and_commit(out_dir, changed, files)
    return [out_dir / rel for rel in sorted(files)]


def check_targets(out_dir: Path, rels: list[str], inputs: Collection[str | Path] = ()) -> dict[str, Path]:
    """Each relative path's target under `out_dir`, or `OutsideOutput` / `OverInput` for the first bad one."""
    base = out_dir.resolve()
    sources = {Path(p).resolve(): p for p in inputs}
    targets: dict[str, Path] = {}
    for rel in rels:
        target = out_dir / rel
        try:
            resolved = target.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            raise OutsideOutput(target, "its path cannot be resolved (a symlink loop?)") from None
        if resolved in sources:
            raise OverInput(target, sources[resolved])
        if not _plain_relative(rel) or not resolved.is_relative_to(base) or resolved == base:
            raise OutsideOutput(target, f"it is not inside the output folder {out_dir}")
        targets[rel] = target
    return targets


def _plain_relative(rel: str) -> bool:
    """A relative path without `..`, empty parts or a drive, read the POSIX and the Windows way."""
    for pure in (PurePosixPath(rel), PureWindowsPath(rel)):
        if pure.is_absolute() or pure.drive or pure.root or ".." in pure.parts or not pure.parts:
            return False
    return True


def _unchanged(target: Path, data: bytes) -> bool:
    try:
        return target.is_file() and not target.is_symlink() and target.read_bytes() == data
    except OSError:
        return False


def _stage_and_commit(out_dir: Path, targets: Mapping[str, Path], files: Mapping[str, bytes]) -> None:
    staged: list[_Staged] = []
    new_folders = _missing_folders(targets.values())
    committed = False
    try:
        for rel, target in targets.items():
            item = _Staged(rel, target, _temp_path(target), _temp_path(target, ".old") if os.path.lexists(target) else None)
            staged.append(item)  # before the file exists, so that clean-up knows its name whatever happens next
            _write_temp(item, files[rel])
        with held_signals():
            _commit(out_dir, staged)
            committed = True
    finally:
        with held_signals():
            for item in staged:
                item.temp.unlink(missing_ok=True)
            for folder in [] if committed else new_folders:
                _remove_if_empty(folder)


def _missing_folders(targets: Iterable[Path]) -> list[Path]:
    """The folders the targets need that do not exist yet, deepest first."""
    missing: set[Path] = set()
    for target in targets:
        folder = target.parent
        while not folder.exists() and folder != folder.parent:
            missing.add(folder)
            folder = folder.parent
    return sorted(missing, key=lambda p: len(p.parts), reverse=True)


def _remove_if_empty(folder: Path) -> None:
    try:
        folder.rmdir()
    except OSError:
        pass


def _temp_path(target: Path, suffix: str = "") -> Path:
    return target.parent / f".{target.name}{TEMP_MARK}{secrets.token_hex(6)}{suffix}"


def _write_temp(item: _Staged, data: bytes) -> None:
    """Write `data` to the new temporary file of `item` (0666 minus the umask) and fsync it."""
    try:
        item.target.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(item.temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:
        raise WriteFailed(item.target, exc.strerror or str(exc)) from exc


def _commit(out_dir: Path, staged: list[_Staged]) -> None:
    """Rename every staged file into place, or put back every one already renamed."""
    if not staged:
        return
    try:
        journal = _write_journal(out_dir, staged)
    except OSError as exc:
        raise WriteFailed(out_dir / JOURNAL_PREFIX, exc.strerror or str(exc)) from exc
    done: list[_Staged] = []
    try:
        for item in staged:
            _replace_keeping_backup(item)
            done.append(item)
    except OSError as exc:
        _roll_back(done)
        journal.unlink(missing_ok=True)
        _remove_backups(staged)
        raise WriteFailed(staged[len(done)].target, exc.strerror or str(exc)) from exc
    journal.unlink(missing_ok=True)  # the commit point: from here on the new files stay
    _remove_backups(staged)


def _remove_backups(staged: list[_Staged]) -> None:
    for item in staged:
        if item.backup is not None:
            item.backup.unlink(missing_ok=True)


def _replace_keeping_backup(item: _Staged) -> None:
    if item.backup is not None:
        try:
            os.link(item.target, item.backup, follow_symlinks=False)
        except OSError:  # a file system without hard links
            shutil.copy2(item.target, item.backup, follow_symlinks=False)
    os.replace(item.temp, item.target)


def _roll_back(done: list[_Staged]) -> None:
    for item in reversed(done):
        if item.backup is not None:
            os.replace(item.backup, item.target)
        else:
            item.target.unlink(missing_ok=True)


def _write_journal(out_dir: Path, staged: list[_Staged]) -> Path:
    """Record, durably, how to undo this commit should the process die in the middle of it."""
    entries = [[str(s.target.relative_to(out_dir)), s.backup.name if s.backup else None] for s in staged]
    journal = out_dir / f"{JOURNAL_PREFIX}{secrets.token_hex(6)}"
    fd = os.open(journal, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(entries, fh)
        fh.flush()
        os.fsync(fh.fileno())
    return journal


def _recover(out_dir: Path) -> None:
    """Roll back the commit of a process that died between its renames (its journal is still there)."""
    for journal in sorted(out_dir.glob(f"{JOURNAL_PREFIX}*")):
        with held_signals():
            for rel, backup_name in _journal_entries(journal):
                target = out_dir / rel
                if target.resolve().is_relative_to(out_dir.resolve()):
                    _restore(target, target.parent / backup_name if backup_name else None)
            journal.unlink(missing_ok=True)


def _journal_entries(journal: Path) -> list[tuple[str, str | None]]:
    """The (target, backup name) pairs of a journal; none when it is unreadable (it was being written)."""
    try:
        raw: object = json.loads(journal.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    entries: list[tuple[str, str | None]] = []
    items = cast("list[object]", raw) if isinstance(raw, list) else []
    for item in items:
        match item:
            case [str(rel), str(backup)] if TEMP_MARK in backup:
                entries.append((rel, backup))
            case [str(rel), None]:
                entries.append((rel, None))
            case _:
                pass
    return entries


def _restore(target: Path, backup: Path | None) -> None:
    """Put `target` back as it was before a journaled commit: its backup, or absent."""
    if backup is None:
        target.unlink(missing_ok=True)
    elif os.path.lexists(backup):
        os.replace(backup, target)


def _sweep(folders: set[Path]) -> None:
    """Remove flowc's temporary files (never folders) from `folders`."""
    for folder in sorted(folders):
        if not folder.is_dir():
            continue
        for leftover in folder.glob(f".*{TEMP_MARK}*"):
            if leftover.is_symlink() or leftover.is_file():
                leftover.unlink(missing_ok=True)


@contextmanager
def _locked(out_dir: Path) -> Generator[None]:
    """Hold an exclusive lock on `out_dir` (created if need be) where the system has `flock`."""
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir, os.O_RDONLY)
    except OSError as exc:
        raise WriteFailed(out_dir, exc.strerror or str(exc)) from exc
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except (ImportError, OSError):  # no flock here: writes still stage and roll back
            pass
        yield
    finally:
        os.close(fd)
