"""One attempt of a step as a child process: its output captured, killed with its children on a timeout or Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

_LIVE: set[subprocess.Popen[bytes]] = set()
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
        _LIVE.add(proc)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return Finished(proc.returncode, out.decode("utf-8", "replace"))
    except subprocess.TimeoutExpired:
        _kill(proc)
        out, _ = proc.communicate()
        return Finished(None, out.decode("utf-8", "replace"))
    finally:
        with _LOCK:
            _LIVE.discard(proc)


def accept_starts() -> None:
    """Let step processes start (a new run in this process, after an earlier one was stopped)."""
    _STOPPING.clear()


def kill_all() -> None:
    """Kill every step process still running, and start no more (the runner is stopping)."""
    with _LOCK:
        _STOPPING.set()
        live = list(_LIVE)
    for proc in live:
        _kill(proc)


def _kill(proc: subprocess.Popen[bytes]) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
