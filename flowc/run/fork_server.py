"""Python steps forked from a warm process: the step server (`step_server.py`), one per run.

A fresh `python program.py` per step spends most of a light step starting Python. The
step server starts once, with the task runtime's imports loaded, and forks a child per
step: the child is a process of its own (its own session, its own environment, directory
and output) that runs exactly the step's program, as `python program.py` would. Timeouts
and Ctrl-C kill the child's process group as they kill a fresh process's
(`process.py`); the server reports each child's exit code.

A step whose environment changes what Python reads at start-up (a `PYTHON*` variable,
the locale) starts a fresh interpreter instead (`python_step.py`), as does every step
when the server cannot start or has gone.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Mapping, Sequence
from functools import cache
from importlib.resources import files
from pathlib import Path

from flowc.run.process import Finished, check_starts, ended, kill_group, started

_STARTUP_VARIABLES = ("LANG", "LC_ALL", "LC_CTYPE")
_READY_SECONDS = 30.0


class ServerGone(Exception):
    """The step server cannot take a step (it did not start, or it ended): run the step as a fresh process."""


@cache
def _server_text() -> str:
    return files("flowc.run").joinpath("step_server.py").read_text(encoding="utf-8")


def startup_environment(env: Mapping[str, str]) -> dict[str, str]:
    """The variables of `env` that Python reads when it starts: a forked step must share the server's."""
    return {k: v for k, v in env.items() if k.startswith("PYTHON") or k in _STARTUP_VARIABLES}


class StepServer:
    """A running step server (started at once, waited for at its first step); `close` ends it."""

    def __init__(self, cwd: Path) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="flowc-srv-"))
        self.address = str(self.folder / "s")
        self.env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.proc: subprocess.Popen[bytes] | None = None
        try:  # it listens on `address`, which a long $TMPDIR can make too long to bind: then it says no `ready`
            self.proc = subprocess.Popen(
                [sys.executable, "-c", _server_text(), self.address], env=self.env, cwd=cwd,
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
            )
        except OSError:
            pass  # no server: every step starts a fresh interpreter
        self.lock = threading.Lock()
        self.ready: bool | None = None
        self.programs: dict[str, Path] = {}

    def program_file(self, name: str, text: str) -> Path:
        """A file holding program `text` as `<name>.py`, alone in its folder: written once per run and text,
        so that the steps of a fan-out run one file (which the server compiles once)."""
        digest = hashlib.sha256(text.encode()).hexdigest()[:16]
        with self.lock:
            path = self.programs.get(digest + name)
            if path is None:
                path = self.folder / "programs" / digest / f"{name}.py"
                path.parent.mkdir(parents=True)
                path.write_text(text, encoding="utf-8")
                self.programs[digest + name] = path
        return path

    def serves(self, env: Mapping[str, str]) -> bool:
        """Whether a step with environment `env` can be forked (else it needs a fresh interpreter)."""
        return self.ready is not False and startup_environment(env) == startup_environment(self.env)

    def run(self, argv: Sequence[str], *, env: Mapping[str, str], cwd: Path, timeout: float | None, log: Path) -> Finished:
        """Run the program `argv[1]` with its arguments `argv[2:]` (argv[0] is the interpreter) in a forked child.

        Its stdout and stderr go to `log`. `ServerGone` when the server cannot take it.
        """
        self._wait_ready()
        check_starts()
        request = {"argv": list(argv[1:]), "env": dict(env), "cwd": str(cwd), "log": str(log)}
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            try:
                conn.connect(self.address)
                conn.sendall(json.dumps(request).encode() + b"\n")
                reply = _Replies(conn)
                pid, code = reply.first()
            except OSError as exc:
                self.ready = False  # gone: the run's other steps start fresh interpreters at once
                raise ServerGone(str(exc)) from exc
            if pid is not None:
                try:
                    started(pid)
                    code = reply.exit_code(pid, timeout)
                finally:
                    ended(pid)
        text = log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
        return Finished(code, text)

    def _wait_ready(self) -> None:
        with self.lock:
            if self.ready is None:
                self.ready = self.proc is not None and self.proc.stdout is not None and _ready_line(self.proc.stdout.fileno())
            if not self.ready:
                raise ServerGone("the step server did not start")

    def close(self) -> None:
        """End the server (steps it forked and still running keep running: the caller kills those)."""
        proc, self.proc = self.proc, None
        if proc is not None:
            for stream in (proc.stdin, proc.stdout):
                if stream is not None:
                    stream.close()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(self.folder, ignore_errors=True)

    def __enter__(self) -> StepServer:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


class _Replies:
    """The lines about one step: the server's `pid N`, then `exit CODE` (or `error MESSAGE`).

    The child says `exit CODE` itself as it ends (`step_server.Report`), which can come
    first when the child ends before the server has said its pid; the server's own
    `exit` after it goes unread."""

    def __init__(self, conn: socket.socket) -> None:
        self.conn = conn
        self.buffer = b""

    def first(self) -> tuple[int | None, int | None]:
        """(pid, None) while the step runs, or (None, exit code) when it has already ended."""
        word, value = self._line(None)
        if word == "exit":
            return None, int(value)
        if word != "pid":
            raise OSError(value or "the step server ended")
        return int(value), None

    def exit_code(self, pid: int, timeout: float | None) -> int | None:
        """The child's exit code; None when it ran past `timeout` seconds and was killed."""
        try:
            word, value = self._line(timeout)
        except TimeoutError:
            kill_group(pid)
            self._line(None)
            return None
        if word != "exit":  # the server ended under a running step: end the step too
            kill_group(pid)
            return -9
        return int(value)

    def _line(self, timeout: float | None) -> tuple[str, str]:
        deadline = None if timeout is None else time.monotonic() + timeout
        while b"\n" not in self.buffer:
            self.conn.settimeout(None if deadline is None else max(0.001, deadline - time.monotonic()))
            chunk = self.conn.recv(4096)
            if not chunk:
                return "", ""
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        word, _, value = line.decode().partition(" ")
        return word, value


def _ready_line(fd: int) -> bool:
    """Whether the server wrote `ready` (it listens) within the start-up allowance."""
    import selectors

    with selectors.DefaultSelector() as selector:
        selector.register(fd, selectors.EVENT_READ)
        if not selector.select(_READY_SECONDS):
            return False
    return os.read(fd, 64).startswith(b"ready")
