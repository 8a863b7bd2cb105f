"""`flowc run` and its store end to end: the step cache across edits, and the runner SIGKILLed mid-run then resumed.

Everything is asserted from the run records (`RunStore.steps`) and from a file each task
appends its name to when it really runs.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flowc.run import run_pipeline
from flowc.run.store import DATABASE, RunStore
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

CHAIN = '''
from flowc import task, pipeline

RAN = {ran!r}


def note(name: str) -> None:
    with open(RAN, "a") as fh:
        fh.write(name + "\\n")


@task(cache=True, fuse=False)
def first(n: int) -> int:
    note("first")
    return n + 1


@task(cache=True, fuse=False)
def second(x: int) -> int:
    note("second")
    return x * {factor}


@task(cache=True, fuse=False)
def third(x: int) -> int:
    note("third")
    return x - 1


@task(cache=True, fuse=False)
def beside(n: int) -> str:
    note("beside")  # {comment}
    return "n=%d" % n


@pipeline
def chain(n: int = 4) -> int:
    beside(n=n)
    return third(x=second(x=first(n=n)))
'''


def _states(store: RunStore, run_id: str) -> dict[str, str]:
    return {s.path: s.state for s in store.steps(run_id)}


def test_a_second_run_is_all_cache_hits_and_an_edit_reruns_exactly_that_task_and_its_dependants(tmp_path: Path) -> None:
    source, ran = tmp_path / "chain.py", tmp_path / "ran.txt"

    def run(factor: int, comment: str = "") -> tuple[str, int | None, list[str]]:
        source.write_text(CHAIN.format(ran=str(ran), factor=factor, comment=comment))
        ran.write_text("")
        outcome = run_pipeline([source], store_root=tmp_path / "store", jobs=2, out=io.StringIO())
        assert outcome.ok and outcome.run_id is not None, [s.log for s in outcome.steps]
        return outcome.run_id, outcome.outputs.get("output"), sorted(ran.read_text().split())  # type: ignore[return-value]

    first_run, result, executed = run(factor=10)
    assert (result, executed) == (49, ["beside", "first", "second", "third"])
    again, result, executed = run(factor=10, comment="a comment changes nothing")
    assert (result, executed) == (49, [])
    edited, result, executed = run(factor=100)
    assert (result, executed) == (499, ["second", "third"])

    with RunStore.open(tmp_path / "store") as store:
        assert set(_states(store, first_run).values()) == {"succeeded"}
        assert _states(store, again) == {"beside": "cached", "first": "cached", "second": "cached", "third": "cached"}
        assert _states(store, edited) == {"beside": "cached", "first": "cached", "second": "succeeded", "third": "succeeded"}
        assert [r.counts.cached for r in store.runs()] == [2, 4, 0]


SLOW = '''
import os
import time

from flowc import task, pipeline, Dataset

RAN, STARTED, SLOW_FLAG = {ran!r}, {started!r}, {flag!r}


def note(name: str) -> None:
    with open(RAN, "a") as fh:
        fh.write(name + "\\n")


@task(fuse=False)
def make(n: int) -> Dataset:
    note("make")
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write("x" * n)
    return out


@task(fuse=False)
def measure(data: Dataset) -> int:
    with open(STARTED, "w") as fh:
        fh.write(str(os.getpid()))
    if os.path.exists(SLOW_FLAG):
        time.sleep(60)
    note("measure")
    with open(data.path) as fh:
        return len(fh.read())


@pipeline
def slow(n: int = 5) -> int:
    return measure(data=make(n=n))
'''


def _flowc(*args: str, cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "flowc.cli", *args]
    return subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _wait_for(path: Path, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while not (path.exists() and path.read_text()):
        assert process.poll() is None, process.communicate()[0]
        assert time.monotonic() < deadline, f"{path} never appeared"
        time.sleep(0.05)


def test_the_runner_killed_mid_run_leaves_a_sound_store_and_resume_finishes_reusing_finished_steps(tmp_path: Path) -> None:
    ran, started, flag = tmp_path / "ran.txt", tmp_path / "started.pid", tmp_path / "slow.flag"
    (tmp_path / "slow.py").write_text(SLOW.format(ran=str(ran), started=str(started), flag=str(flag)))
    flag.write_text("")
    runner = _flowc("run", "slow.py", "--store", "store", cwd=tmp_path)
    _wait_for(started, runner)  # `make` is recorded, `measure` is running
    runner.send_signal(signal.SIGKILL)
    runner.communicate()
    os.kill(int(started.read_text()), signal.SIGKILL)  # the step in its own session outlives the runner: end it

    with sqlite3.connect(tmp_path / "store" / DATABASE) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with RunStore.open(tmp_path / "store") as store:
        (run,) = store.runs()
        assert run.state == "interrupted"
        (made,) = store.steps(run.id)
        assert (made.path, made.state) == ("make", "succeeded")
        assert made.artifacts["output"].read_text() == "xxxxx"

    flag.unlink()
    resumed = _flowc("run", "slow.py", "--store", "store", "--resume", run.id[:-2], cwd=tmp_path)
    printed = resumed.communicate(timeout=120)[0]
    assert resumed.returncode == 0, printed
    assert "output = 5" in printed
    assert ran.read_text().split() == ["make", "measure"]  # make ran once, before the kill
    with RunStore.open(tmp_path / "store") as store:
        assert store.run(run.id).state == "succeeded"
        assert _states(store, run.id) == {"make": "succeeded", "measure": "succeeded"}
        assert store.steps(run.id)[0] == made  # its record kept as it was
        assert [r.id for r in store.runs()] == [run.id]  # resumed under its own id
