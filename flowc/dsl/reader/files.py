"""Which files to read, how to read them safely, and how they are named as modules of the user's project."""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span

_SKIP_DIRS = frozenset({"__pycache__", "node_modules", "site-packages"})
# Larger files are refused: flowc reads pipeline modules, not data.
MAX_SOURCE_BYTES = 10 * 1024 * 1024


@dataclass
class Observed:
    """What reads learned from the file system while observed: the answer to each "is there a
    module file here?" probe, and the digest of each file's bytes (`content_digest`).

    A read's result depends on nothing else on disk but the files it was given, so the
    incremental check (`flowc.incremental`) reuses a result while all of these still hold.
    """

    probes: dict[str, bool] = field(default_factory=lambda: {})
    digests: dict[str, str] = field(default_factory=lambda: {})


_OBSERVED: ContextVar[Observed | None] = ContextVar("flowc_reader_observed", default=None)


@contextmanager
def observing() -> Generator[Observed, None, None]:
    """Record, for the reads inside the block, every module-file probe and every file's digest."""
    seen = Observed()
    token = _OBSERVED.set(seen)
    try:
        yield seen
    finally:
        _OBSERVED.reset(token)


def content_digest(data: bytes) -> str:
    """The digest a file's bytes are known by (the incremental check's content hash)."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def _is_file(path: Path) -> bool:
    """`os.path.isfile`, recorded when observed: whether a module lives at `path` decides what a read loads."""
    found = os.path.isfile(path)
    seen = _OBSERVED.get()
    if seen is not None:
        seen.probes[os.fspath(path)] = found
    return found


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


def read_source_bytes(path: str, file: Path) -> tuple[bytes | None, Diagnostic | None]:
    """At most MAX_SOURCE_BYTES of a regular file with a UTF-8 name; pipes, devices and sockets are never opened.

    `stat` decides before anything is opened (opening a FIFO blocks, reading
    /dev/zero never ends); the open is non-blocking and checked again with `fstat`, so
    a file swapped for a FIFO in between cannot hang the read either.
    """
    if not _encodable(path):
        return None, Diagnostic.of(codes.BAD_FILE_NAME, file_span(printable_path(path)))
    try:
        kind = _kind(os.stat(file).st_mode)
        if kind is not None:
            return None, Diagnostic.of(codes.NOT_A_FILE, file_span(path), kind)
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as stream:
            kind = _kind(os.fstat(stream.fileno()).st_mode)
            data = stream.read(MAX_SOURCE_BYTES + 1) if kind is None else b""
    except OSError as exc:
        return None, _os_problem(path, exc)
    if kind is not None:
        return None, Diagnostic.of(codes.NOT_A_FILE, file_span(path), kind)
    if len(data) > MAX_SOURCE_BYTES:
        return None, Diagnostic.of(codes.FILE_TOO_LARGE, file_span(path), MAX_SOURCE_BYTES)
    seen = _OBSERVED.get()
    if seen is not None:
        seen.digests[os.fspath(file)] = content_digest(data)
    return data, None


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = {stat.S_ISDIR: "a directory", stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    return next((word for test, word in kinds.items() if test(mode)), "not a regular file")


def _os_problem(path: str, exc: OSError) -> Diagnostic:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return Diagnostic.of(codes.FILE_NOT_FOUND, None, path)
    reason = exc.strerror or type(exc).__name__
    return Diagnostic.of(codes.CANNOT_READ, file_span(path), path, reason)


def file_span(path: str) -> Span:
    """Where a problem with a whole file is reported: its first character."""
    return Span(path=path, line=1, col=1, end_line=1, end_col=1)


def _encodable(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_path(path: str) -> str:
    """A path as text that can be shown and written: undecodable bytes as `\\xff` escapes."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that does not stand for a byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


def auto_root(file: Path) -> Path:
    """The first ancestor directory that is not a package (has no `__init__.py`)."""
    d = file.parent
    while _is_file(d / "__init__.py") and d.parent != d:
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
        if _is_file(candidate):
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
