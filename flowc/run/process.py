"""One attempt of a step as a child process: its output captured, killed with its children on a timeout or Ctrl-C.

Every step process leads a session of its own (its process group id is its pid), so
killing the group ends what it started too. `run_process` starts a fresh process;
the step server (`fork_server.py`) forks one from a warm Python and registers it here
the same way, so that `kill_all` (Ctrl-C) ends both kinds.
"""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_LIVE: set[int] = set()  # process groups of the step processes running now
_LOCK = threading.Lock()
_STOPPING = threading.Event()  # set by `kill_all`: no step process starts after it


class Stopped(Exception):
    """The runner is stopping (Ctrl-C): no new step process starts."""


@dataclass(frozen=True)
class Finished:
    """How a child process ended: its exit code (None when it was killed for its timeout) and its output."""

    returncode: int | None
    log: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    @property
    def killed_by(self) -> str | None:
        """The signal that ended the process (`SIGKILL`, as the OOM killer sends), if one did."""
        if self.returncode is None or self.returncode >= 0:
            return None
        try:
            return signal.Signals(-self.returncode).name
        except ValueError:
            return f"signal {-self.returncode}"


def run_process(argv: Sequence[str], *, env: Mapping[str, str], cwd: Path, timeout: float | None) -> Finished:
    """Run `argv` in a session of its own (so a timeout kills everything it started), stdout and stderr as one log."""
    with _LOCK:
        if _STOPPING.is_set():
            raise Stopped()
        proc = subprocess.Popen(
            list(argv), env=dict(env), cwd=cwd, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        )
        _LIVE.add(proc.pid)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return Finished(proc.returncode, out.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired:
        kill_group(proc.pid)
        out, _ = proc.communicate()
        return Finished(None, out.decode("utf-8", "replace"))
    finally:
        ended(proc.pid)


def check_starts() -> None:
    """Raise `Stopped` when the runner is stopping (no step process may start)."""
    if _STOPPING.is_set():
        raise Stopped()


def started(pid: int) -> None:
    """Register a step process (the leader of its own session) that another process started for us.

    If the runner began stopping meanwhile, it is killed at once (and `Stopped` raised).
    """
    with _LOCK:
        if not _STOPPING.is_set():
            _LIVE.add(pid)
            return
    kill_group(pid)
    raise Stopped()


def ended(pid: int) -> None:
    with _LOCK:
        _LIVE.discard(pid)


def accept_starts() -> None:
    """Let step processes start (a new run in this process, after an earlier one was stopped)."""
    _STOPPING.clear()


def kill_all() -> None:
    """Kill every step process still running, and start no more (the runner is stopping)."""
    with _LOCK:
        _STOPPING.set()
        live = list(_LIVE)
    for pid in live:
        kill_group(pid)


def kill_group(pid: int) -> None:
    """SIGKILL the session `pid` leads: the step and everything it started."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
