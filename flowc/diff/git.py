"""Git plumbing for `flowc diff`: a revision's files, read with `git ls-tree` and `git cat-file`, nothing checked out.

Only what a read can need is exported: Python files (the pipelines and the modules
they import) and `pyproject.toml` files (`[tool.flowc]` image and packages change
cache keys). Symlinks and submodules are skipped: a revision's link could point
anywhere on this machine.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

_REGULAR_MODES = frozenset({"100644", "100755"})
_CONFIG_NAME = "pyproject.toml"


class GitError(Exception):
    """A git command failed; the message is git's own (or why git could not run)."""


def git(cwd: Path, *args: str, stdin: bytes | None = None) -> bytes:
    """The standard output of `git args...` run in `cwd`; GitError with git's message when it fails."""
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True, env=env, check=False)
    except OSError as exc:
        raise GitError(f"cannot run git: {exc.strerror or exc}") from exc
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"git {args[0]} exited with {done.returncode}"
        raise GitError(message)
    return done.stdout


def repository_top(cwd: Path) -> Path:
    """The top folder of the work tree holding `cwd`."""
    return Path(git(cwd, "rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())


def commit_of(top: Path, revision: str) -> str:
    """The commit `revision` names (a branch, tag, `HEAD~1`, a hash); GitError if it names none."""
    if revision.startswith("-"):  # never an option of git's
        raise GitError(f"not a revision: {revision}")
    try:
        return git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{revision}^{{commit}}").decode().strip()
    except GitError:
        raise GitError(f"not a commit in this repository: {revision}") from None


def export_revision(top: Path, commit: str, into: Path) -> int:
    """Write the Python and pyproject.toml files of `commit` under `into`; how many were written."""
    blobs = _wanted_blobs(top, commit)
    contents = _blob_contents(top, [sha for sha, _ in blobs])
    for (_, path), data in zip(blobs, contents):
        target = into.joinpath(*PurePosixPath(path).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return len(blobs)


def _wanted_blobs(top: Path, commit: str) -> list[tuple[str, str]]:
    """(blob id, path) of each regular file of `commit` that a read can need."""
    listing = git(top, "ls-tree", "-r", "-z", "--full-tree", commit)
    out: list[tuple[str, str]] = []
    for entry in listing.split(b"\0"):
        if not entry:
            continue
        meta, _, raw_path = entry.partition(b"\t")
        mode, kind, sha = meta.decode("ascii").split(" ")
        path = raw_path.decode("utf-8", "surrogateescape")
        if kind == "blob" and mode in _REGULAR_MODES and _wanted(path):
            out.append((sha, path))
    return out


def _wanted(path: str) -> bool:
    parts = PurePosixPath(path).parts
    if any(part in ("", ".", "..") for part in parts):  # git never stores these; a crafted tree could
        return False
    return path.endswith(".py") or parts[-1] == _CONFIG_NAME


def _blob_contents(top: Path, shas: list[str]) -> list[bytes]:
    """The bytes of each blob, in order, from one `git cat-file --batch`."""
    if not shas:
        return []
    raw = git(top, "cat-file", "--batch", stdin="".join(f"{sha}\n" for sha in shas).encode("ascii"))
    out: list[bytes] = []
    at = 0
    for _ in shas:
        header_end = raw.index(b"\n", at)
        size = int(raw[at:header_end].split(b" ")[2])
        start = header_end + 1
        out.append(raw[start : start + size])
        at = start + size + 1  # the newline after each object
    return out
