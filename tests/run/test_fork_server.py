"""The step server (`flowc/run/fork_server.py`): a forked step behaves as `python program.py` does.

Each probe program runs both ways, forked by the server and as a fresh interpreter
(`process.run_process`), and must give the same exit code and the same output.
"""

from __future__ import annotations

import os
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from textwrap import dedent

import pytest

from flowc import api
from flowc.ir.model import PythonTask
from flowc.run.fork_server import StepServer
from flowc.run.process import Finished, run_process
from tests.run.harness import alive, run_in

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the step server forks")

# What a program sees of its process, then how it ends (the probes append the ending).
PROBE = '''
import atexit, os, sys, threading, time
print("name", __name__, "file", os.path.basename(__file__), "argv", sys.argv[1:])
print("path0 is my folder", sys.path[0] == os.path.dirname(os.path.realpath(__file__)))
print("cwd", os.getcwd() == os.environ["WANT_CWD"], "env", os.environ.get("PROBE"))
print("own session", os.getsid(0) == os.getpid(), "stdin empty", sys.stdin.read() == "")
print("stdout unbuffered", sys.stdout.write_through, "encoding", sys.stdout.encoding)
kept = open(os.environ["KEPT"], "w")
kept.write("written, never closed")
atexit.register(lambda: print("atexit ran"))
threading.Thread(target=lambda: (time.sleep(0.2), print("thread joined"))).start()
sys.stderr.write("to stderr\\n")
print("no newline at the end", end="")
'''
ENDINGS = {
    "returns": "",
    "exits 3": "sys.exit(3)",
    "exits with a message": "sys.exit('a message')",
    "raises": "def fail():\n    raise ValueError('boom')\nfail()",
}


@pytest.fixture(scope="module")
def server() -> Iterator[StepServer]:
    with StepServer(Path.cwd()) as started:
        yield started


def _both(server: StepServer, program: Path, env: dict[str, str], log: Path) -> tuple[Finished, Finished]:
    argv = [sys.executable, str(program), "one", "two"]
    forked = server.run(argv, env=env, cwd=program.parent, timeout=30, log=log)
    fresh = run_process(argv, env=env, cwd=program.parent, timeout=30)
    return forked, fresh


@pytest.mark.parametrize("ending", list(ENDINGS))
def test_a_forked_step_behaves_as_a_fresh_interpreter(server: StepServer, ending: str, tmp_path: Path) -> None:
    program = tmp_path / "probe.py"
    program.write_text(PROBE + ENDINGS[ending] + "\n", encoding="utf-8")
    kept = tmp_path / "kept"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PROBE": "yes", "WANT_CWD": str(tmp_path), "KEPT": str(kept)}
    forked, fresh = _both(server, program, env, tmp_path / "log")
    assert (forked.returncode, _lines(forked.log)) == (fresh.returncode, _lines(fresh.log))
    assert "own session True" in fresh.log and "thread joined" in fresh.log and "atexit ran" in fresh.log
    assert kept.read_text() == "written, never closed"


def _lines(log: str) -> list[str]:
    """The log's lines, sorted: stdout and stderr interleave by timing, not by meaning."""
    return sorted(log.splitlines())


def test_a_forked_steps_timeout_kills_what_it_started(server: StepServer, tmp_path: Path) -> None:
    program = tmp_path / "spawner.py"
    program.write_text(dedent('''
        import subprocess, sys, time
        child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
        print(child.pid, flush=True)
        time.sleep(60)
    '''), encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = server.run([sys.executable, str(program)], env=env, cwd=tmp_path, timeout=1, log=tmp_path / "log")
    assert done.returncode is None
    grandchild = int(done.log.split()[0])
    deadline = time.monotonic() + 5  # killed with its group, then reaped by whoever inherited it
    while alive(grandchild) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(grandchild)


TASKS = '''
import os
import sys
from flowc import pipeline, task


@task
def parent() -> int:
    return os.getppid()


@task(env={"PYTHONHASHSEED": "0"})
def seeded() -> int:
    return os.getppid() * 10 + sys.flags.hash_randomization


@pipeline
def both() -> tuple[int, int]:
    return parent(), seeded()
'''


def test_steps_are_forked_unless_their_environment_changes_python_start_up(tmp_path: Path) -> None:
    source = tmp_path / "pipes.py"
    source.write_text(TASKS, encoding="utf-8")
    loaded = api.load([source], root=tmp_path, optimize=False)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    outcome, printed = run_in(loaded.program, "both", {}, tmp_path / "store")
    assert outcome.state == "succeeded", printed
    forked_parent, seeded = outcome.outputs["output_0"], outcome.outputs["output_1"]
    assert isinstance(forked_parent, int) and isinstance(seeded, int)
    assert forked_parent != os.getpid()  # the step server's child
    assert (seeded // 10, seeded % 10) == (os.getpid(), 0)  # a fresh interpreter of ours: PYTHONHASHSEED=0 honoured


def test_when_the_server_has_gone_steps_run_as_fresh_interpreters(tmp_path: Path) -> None:
    from flowc.run.python_step import run_python

    source = tmp_path / "pipes.py"
    source.write_text(TASKS, encoding="utf-8")
    task = api.load([source], root=tmp_path, optimize=False).program.task("parent")
    assert isinstance(task, PythonTask)
    with StepServer(Path.cwd()) as server:
        first = run_python(task, {}, tmp_path / "a", None, server)
        assert server.proc is not None
        server.proc.send_signal(signal.SIGKILL)
        server.proc.wait()
        second = run_python(task, {}, tmp_path / "b", None, server)
    assert first.ok and second.ok, (first, second)
    assert first.outputs["output"] != os.getpid() and second.outputs["output"] == os.getpid()


FAILING = '''
from flowc import pipeline, task


@task
def fine(x: int) -> int:
    return x + 1


@task
def broken(x: int) -> int:
    if x > 0:
        raise ValueError(f"bad {x}")
    return x
'''


def test_a_task_programs_traceback_is_the_fresh_interpreters_line_for_line(server: StepServer, tmp_path: Path) -> None:
    # The server compiles the task runtime once and each task's own part on its own (step_server.py):
    # every frame of a failure, the runtime's included, must still name the program's file and lines.
    from flowc.run.python_step import _program_text  # pyright: ignore[reportPrivateUsage]

    source = tmp_path / "tasks.py"
    source.write_text(FAILING, encoding="utf-8")
    program = api.load([source], root=tmp_path, optimize=False).program
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for name in ("fine", "broken"):  # two programs sharing the runtime: the second reuses its compilation
        task = program.task(name)
        assert isinstance(task, PythonTask)
        text = _program_text(task)
        folder = tmp_path / name
        folder.mkdir()
        path = server.program_file(name, text)
        (folder / "in.json").write_text('{"x": 2}', encoding="utf-8")
        argv = [sys.executable, str(path), str(folder / "in.json"), str(folder / "out.json"), str(folder / "scratch")]
        forked = server.run(argv, env=env, cwd=folder, timeout=30, log=folder / "log")
        forked_out = (folder / "out.json").read_text(encoding="utf-8") if forked.returncode == 0 else None
        fresh = run_process(argv, env=env, cwd=folder, timeout=30)
        fresh_out = (folder / "out.json").read_text(encoding="utf-8") if fresh.returncode == 0 else None
        assert (forked.returncode, forked.log, forked_out) == (fresh.returncode, fresh.log, fresh_out)
    assert 'in _flowc_main' in forked.log and f'File "{source}", line 13, in broken' in forked.log


def test_a_step_that_reuses_the_runners_descriptor_never_gets_the_exit_line(server: StepServer, tmp_path: Path) -> None:
    # A forked child says its own exit code on the runner's connection; a program that closed every
    # descriptor and opened a file (which may take the connection's number) must find only its own text there.
    program = tmp_path / "closer.py"
    program.write_text(dedent('''
        import os, sys
        os.closerange(3, 256)
        for i in range(8):  # left open, as raw descriptors: still open when the process ends
            os.write(os.open(os.path.join(os.path.dirname(__file__), f"f{i}"), os.O_WRONLY | os.O_CREAT), b"mine")
        sys.exit(4)
    '''), encoding="utf-8")
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    done = server.run([sys.executable, str(program)], env=env, cwd=tmp_path, timeout=30, log=tmp_path / "log")
    assert done.returncode == 4  # from the server, which reaped it
    assert all((tmp_path / f"f{i}").read_text() == "mine" for i in range(8))
