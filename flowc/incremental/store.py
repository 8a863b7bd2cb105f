"""Where check results are kept, and how: signed JSON entries, written atomically.

The cache of a project lives in `.flowc/cache/` beside its pyproject.toml, with a
`.gitignore` so it is never committed. When that folder cannot be written (a read-only
checkout), or there is no pyproject.toml (files checked from some folder: flowc makes
no `.flowc/` there), it lives in the user cache dir
(`$XDG_CACHE_HOME/flowc/projects/<hash of the folder>`). `FLOWC_CACHE_DIR`
names the folder outright.

Concurrent runs are safe: an entry is written to a temporary file and renamed over
the old one, so a reader sees a whole entry, old or new, never part of one (the last
writer wins). Every entry is signed with a key private to the user
(`$XDG_CACHE_HOME/flowc/key`, mode 0600): an entry that is truncated, corrupt, edited
or committed to a repository by someone else fails the check and counts as absent.
Standard library only: this runs before anything heavy is imported.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import tempfile
from pathlib import Path
from typing import Any, cast

KEEP_ENTRIES = 32  # entries beyond this many (oldest first) are removed when one is written
_KEY_BYTES = 32


def user_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "flowc"


def cache_dirs(project: Path, own_folder: bool = True) -> list[Path]:
    """Where a project's entries may be, in the order they are tried (`own_folder`: its `.flowc/` first)."""
    override = os.environ.get("FLOWC_CACHE_DIR")
    if override:
        return [Path(override)]
    digest = hashlib.sha256(os.fsencode(os.path.abspath(project))).hexdigest()[:24]
    shared = user_cache_dir() / "projects" / digest
    return [project / ".flowc" / "cache", shared] if own_folder else [shared]


def load(project: Path, name: str, own_folder: bool = True) -> dict[str, Any] | None:
    """The entry called `name`, or None when there is none or it is unreadable, corrupt or not ours."""
    key = _signing_key(create=False)
    if key is None:
        return None
    for folder in cache_dirs(project, own_folder):
        try:
            data = (folder / f"{name}.json").read_bytes()
        except OSError:
            continue
        signature, _, body = data.partition(b"\n")
        if not hmac.compare_digest(signature, _sign(key, body)):
            return None
        try:
            entry: Any = json.loads(body)
        except ValueError:
            return None
        return cast("dict[str, Any]", entry) if isinstance(entry, dict) else None
    return None


def save(project: Path, name: str, entry: dict[str, Any], own_folder: bool = True) -> None:
    """Write the entry called `name` (atomically) where it can be; silently nowhere when it cannot."""
    key = _signing_key(create=True)
    if key is None:
        return
    body = json.dumps(entry, separators=(",", ":"), sort_keys=True).encode()
    data = _sign(key, body) + b"\n" + body
    for folder in cache_dirs(project, own_folder):
        try:
            _prepare(folder)
            write_atomically(folder / f"{name}.json", data)
        except OSError:
            continue
        _prune(folder)
        return


def write_atomically(path: Path, data: bytes) -> None:
    """`data` at `path`, all of it or none: a temporary file in the same folder renamed over it."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _prepare(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    if folder.parent.name == ".flowc":
        ignore = folder.parent / ".gitignore"
        if not ignore.exists():
            write_atomically(ignore, b"# flowc's check cache: never commit it\n*\n")
            os.chmod(ignore, 0o644)


def _prune(folder: Path) -> None:
    """Drop the oldest entries beyond KEEP_ENTRIES (a concurrent run may drop them first: fine)."""
    try:
        entries = [(p.stat().st_mtime_ns, p) for p in folder.glob("*.json")]
    except OSError:
        return
    for _, path in sorted(entries, reverse=True)[KEEP_ENTRIES:]:
        with contextlib.suppress(OSError):
            path.unlink()


def _sign(key: bytes, body: bytes) -> bytes:
    return hmac.new(key, body, hashlib.sha256).hexdigest().encode()


def _signing_key(create: bool) -> bytes | None:
    """The user's signing key; made once (0600, never replaced) when `create`; None when unavailable."""
    path = user_cache_dir() / "key"
    try:
        key = path.read_bytes()
        return key if len(key) == _KEY_BYTES else None
    except OSError:
        if not create:
            return None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another run made it first: use theirs
        return _signing_key(create=False)
    except OSError:
        return None
    key = os.urandom(_KEY_BYTES)
    with os.fdopen(fd, "wb") as stream:
        stream.write(key)
    return key
