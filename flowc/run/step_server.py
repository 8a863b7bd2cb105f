"""The step server: a warm Python, started once per run, that forks a child per Python step.

Run as `python -c <this file's text>` by `fork_server.py`; stdlib only, never imports flowc.
Each request arrives on a connection of its own to a Unix socket: one JSON line
{"argv": [program, args...], "env": {...}, "cwd": ..., "log": ...}. The server forks;
the child leaves the server behind (a session of its own, stdin from /dev/null,
stdout and stderr into `log`, the request's environment, directory and argv) and runs
`program` as `python program args...` would: as `__main__`, its folder first on
`sys.path`, an uncaught exception printed as Python prints it, exit code 1, then the
interpreter's exit as the program sees it (threads joined, atexit, streams flushed; `_exit`).
The server compiles each program once (as a .pyc would hold it), so that a fan-out's
children share the compiled text. The server answers
`pid N` at once and `exit CODE` when it has reaped the child (CODE as
`subprocess.Popen.returncode`: negative for a signal). It exits when its stdin (a pipe
from the runner) closes; children it leaves running keep their own sessions.
"""

import sys

if __name__ == "__main__" and not sys.flags.safe_path:
    del sys.path[0]  # `-c` put the working directory first; a step's program gets its own folder there

import __future__  # noqa: E402
import gc  # noqa: E402
import json  # noqa: E402
import os  # noqa: E402
import selectors  # noqa: E402
import signal  # noqa: E402
import socket  # noqa: E402
import linecache  # noqa: E402  (what every task program imports: warm in the children)
import tempfile  # noqa: E402
import types  # noqa: E402

_ = tempfile, linecache


TASK_PART = b"\n# --- task code ---\n"  # where a task program's own part starts (codegen/task_program.py)
_FUTURES: int = sum({getattr(__future__, f).compiler_flag for f in __future__.all_feature_names})  # distinct bits


class Server:
    def __init__(self, listener: socket.socket) -> None:
        self.listener = listener
        self.selector = selectors.DefaultSelector()
        self.buffers: dict[socket.socket, bytes] = {}
        self.compiled: dict[tuple[str, bytes, int, int], types.CodeType] = {}
        self.children: dict[int, socket.socket] = {}
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.wake_w.setblocking(False)

    def fds(self) -> list[int]:
        """Every descriptor the server holds: closed in a child."""
        held = [self.listener, self.wake_r, self.wake_w, *self.buffers, *self.children.values()]
        return [s.fileno() for s in held if s.fileno() >= 0] + [self.selector.fileno() if hasattr(self.selector, "fileno") else -1]

    def serve(self) -> tuple[dict[str, object], list[types.CodeType] | None, socket.socket] | None:
        """Serve until the runner goes (None), or, in a forked child, return a request, its program
        compiled, and the runner's connection for it."""
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # the terminal's Ctrl-C is the runner's to handle
        signal.set_wakeup_fd(self.wake_w.fileno())
        signal.signal(signal.SIGCHLD, _wake)
        self.selector.register(self.listener, selectors.EVENT_READ, "accept")
        self.selector.register(self.wake_r, selectors.EVENT_READ, "reap")
        self.selector.register(sys.stdin.fileno(), selectors.EVENT_READ, "runner")
        while True:
            for key, _ in self.selector.select():
                what = key.data
                if what == "runner":
                    return None
                if what == "accept":
                    self.accept()
                elif what == "reap":
                    self.reap()
                else:
                    request = self.read(key.fileobj)  # pyright: ignore[reportArgumentType]
                    if request is not None:
                        code = self.program(request)
                        if self.start(key.fileobj, request) == 0:  # pyright: ignore[reportArgumentType]
                            return request, code, key.fileobj  # pyright: ignore[reportReturnType]

    def accept(self) -> None:
        try:
            conn, _ = self.listener.accept()
        except BlockingIOError:
            return
        self.buffers[conn] = b""
        self.selector.register(conn, selectors.EVENT_READ, "request")

    def read(self, conn: socket.socket) -> dict[str, object] | None:
        try:
            chunk = conn.recv(65536)
        except OSError:
            chunk = b""
        if not chunk:  # the runner gave up on this step before asking
            self.drop(conn)
            return None
        data = self.buffers[conn] + chunk
        self.buffers[conn] = data
        if not data.endswith(b"\n"):
            return None
        self.selector.unregister(conn)
        del self.buffers[conn]
        return json.loads(data)

    def drop(self, conn: socket.socket) -> None:
        self.selector.unregister(conn)
        self.buffers.pop(conn, None)
        conn.close()

    def program(self, request: dict[str, object]) -> list[types.CodeType] | None:
        """The request's program compiled (once per path and text, as a .pyc would be); None if it does not compile.

        A task program is the task runtime, the same in every program, then the task's own
        part (from `TASK_PART` on): the runtime is compiled once per run, each task's part on
        its own, at its own lines and under the runtime's `from __future__` flags. Run one
        after the other in one namespace, the pieces are the program."""
        path = str(request["argv"][0])  # type: ignore[index]
        try:
            with open(path, "rb") as fh:
                source = fh.read()
        except OSError:
            return None
        head, marker, tail = source.partition(TASK_PART)
        try:
            if not marker:
                return [self.compile(path, source)]
            runtime = _renamed(self.compile("", head + b"\n"), path)
            return [runtime, self.compile(path, tail, head.count(b"\n") + 2, runtime.co_flags & _FUTURES)]
        except (SyntaxError, ValueError):
            return None  # the child compiles it again and fails as Python would

    def compile(self, path: str, text: bytes, line: int = 0, flags: int = 0) -> types.CodeType:
        """`text` compiled as the lines from `line` + 1 on of `path`, under the `from __future__` `flags`."""
        key = (path, text, line, flags)
        if key not in self.compiled:
            self.compiled[key] = compile(b"\n" * line + text, path, "exec", flags=flags, dont_inherit=True)
            gc.freeze()
        return self.compiled[key]

    def start(self, conn: socket.socket, request: dict[str, object]) -> int:
        """Fork: 0 in the child (which then leaves the server), the child's pid in the server."""
        try:
            pid = os.fork()
        except OSError as exc:
            _send(conn, f"error {exc}\n")
            conn.close()
            return -1
        if pid == 0:
            self.leave(request)
            return 0
        self.children[pid] = conn  # reaped only by `reap`, in this loop: never before it is recorded
        _send(conn, f"pid {pid}\n")
        return pid

    def reap(self) -> None:
        try:
            while self.wake_r.recv(4096):
                pass
        except BlockingIOError:
            pass
        for pid in list(self.children):
            try:
                done, status = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                done, status = pid, 255 << 8
            if done == pid:
                conn = self.children.pop(pid)
                _send(conn, f"exit {os.waitstatus_to_exitcode(status)}\n")
                conn.close()

    def leave(self, request: dict[str, object]) -> None:
        """In the child: drop the server's state and signals, become the step's process."""
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        for fd in self.fds():
            if fd > 2:
                try:
                    os.close(fd)
                except OSError:
                    pass
        os.setsid()
        null = os.open(os.devnull, os.O_RDONLY)
        log = os.open(str(request["log"]), os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_APPEND, 0o644)
        os.dup2(null, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        os.close(null)
        os.close(log)
        os.chdir(str(request["cwd"]))
        env: dict[str, str] = request["env"]  # type: ignore[assignment]
        os.environ.clear()
        os.environ.update(env)


def _renamed(code: types.CodeType, path: str) -> types.CodeType:
    """`code` (and every code object in it) as compiled from the file `path`."""
    consts = tuple(_renamed(c, path) if isinstance(c, types.CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=path, co_consts=consts)


def _wake(signum: int, frame: object) -> None:
    """SIGCHLD's handler: nothing; the wake-up descriptor makes the loop reap."""


def _send(conn: socket.socket, text: str) -> None:
    try:
        conn.sendall(text.encode())
    except OSError:
        pass  # the runner gave up on this step


def run_program(argv: list[str], code: list[types.CodeType] | None, runner: "Report | None" = None) -> None:
    """Run `argv[0]` as `python argv[0] argv[1:]` runs it, then end the process as Python ends (never returns);
    the exit code goes to `runner` when the program ends itself (`Report`)."""
    program = argv[0]
    sys.argv = list(argv)
    sys.path.insert(0, os.path.dirname(os.path.realpath(program)))
    module = types.ModuleType("__main__")
    module.__dict__.update({"__file__": program, "__cached__": None, "__builtins__": __builtins__})
    sys.modules["__main__"] = module
    try:
        if code is None:
            with open(program, "rb") as fh:
                code = [compile(fh.read(), program, "exec", dont_inherit=True)]
        for piece in code:
            exec(piece, module.__dict__)
        status = 0
    except SystemExit as exc:
        status = _exit_status(exc)
    except KeyboardInterrupt as exc:
        _print_uncaught(exc)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)
        status = 130
    except BaseException as exc:
        _print_uncaught(exc)
        status = 1
    _exit(module, status, runner)


def _exit_status(exc: SystemExit) -> int:
    """The exit status of `sys.exit(code)`, its message printed as Python prints it."""
    if exc.code is None:
        return 0
    if isinstance(exc.code, int):
        return exc.code & 0xFF
    print(exc.code, file=sys.stderr)
    return 1


def _exit(module: types.ModuleType, status: int, runner: "Report | None" = None) -> None:
    """End as the interpreter ends a program, in what the program can see: its non-daemon threads
    joined, atexit handlers run, its module's objects finalized (an unclosed file flushed), the
    standard streams flushed. The server's own objects the child inherited are not torn down one
    by one (the process's memory simply goes): that is what makes a forked step cheap to end."""
    import atexit

    threading = sys.modules.get("threading")
    if threading is not None:
        threading._shutdown()  # pyright: ignore[reportAttributeAccessIssue]  # noqa: SLF001
    atexit._run_exitfuncs()  # pyright: ignore[reportPrivateUsage]  # noqa: SLF001
    module.__dict__.clear()
    gc.collect()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    if runner is not None:
        runner.exit(status)
    os._exit(status)


class Report:
    """The runner's connection, kept by a forked child: the child says its own `exit CODE` as it ends,
    so that the runner goes on without waiting for the server to reap it (the server still says
    it too, and alone when the child dies some other way: a signal, `os._exit` in the program).
    Only the connection it was given: a program that closed it, and perhaps opened a file at its
    number, never gets the line."""

    def __init__(self, conn: socket.socket) -> None:
        self.fd = conn.detach()
        self.identity = _identity(self.fd)

    def exit(self, status: int) -> None:
        if self.identity is not None and _identity(self.fd) == self.identity:
            try:
                os.write(self.fd, f"exit {status}\n".encode())
            except OSError:
                pass


def _identity(fd: int) -> tuple[int, int] | None:
    try:
        st = os.fstat(fd)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def _print_uncaught(exc: BaseException) -> None:
    """As the interpreter prints it: the traceback from the program's own frame on."""
    tb = exc.__traceback__
    exc = exc.with_traceback(tb.tb_next if tb is not None else None)  # the hook prints the exception's own
    sys.excepthook(type(exc), exc, exc.__traceback__)


def main() -> None:
    path = sys.argv[1]
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(path)
    listener.listen(256)
    listener.setblocking(False)
    gc.freeze()  # the server's objects stay out of the children's collections: fewer pages copied on write
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    served = Server(listener).serve()
    if served is None:  # the runner ended (or was killed): leave no socket or programs behind
        listener.close()
        import shutil

        shutil.rmtree(os.path.dirname(path), ignore_errors=True)
        os._exit(0)  # nothing to flush or finalize: the runner waits for this exit
    request, code, conn = served
    run_program(request["argv"], code, Report(conn))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
