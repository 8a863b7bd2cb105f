"""A step's process killed with SIGKILL (as the kernel's OOM killer does): the step fails saying so,
its dependants do not run, an independent branch finishes, the store stays sound, and
`--resume` finishes the run reusing every step that succeeded."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

from flowc.run import run_pipeline
from flowc.run.store import DATABASE, RunStore

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

PIPELINE = '''
import os
import signal

from flowc import pipeline, task

RAN, KILL_FLAG = {ran!r}, {flag!r}


def note(name: str) -> None:
    with open(RAN, "a") as fh:
        fh.write(name + "\\n")


@task(fuse=False)
def make(n: int) -> int:
    note("make")
    return n + 1


@task(fuse=False)
def victim(x: int) -> int:
    if os.path.exists(KILL_FLAG):
        os.kill(os.getpid(), signal.SIGKILL)
    note("victim")
    return x * 2


@task(fuse=False)
def after_victim(x: int) -> int:
    note("after_victim")
    return x - 1


@task(fuse=False)
def beside(n: int) -> int:
    note("beside")
    return n


@pipeline
def killed(n: int = 4) -> tuple[int, int]:
    b = beside(n=n)
    return after_victim(x=victim(x=make(n=n))), b
'''


def test_a_step_killed_with_sigkill_fails_and_resume_finishes_the_run(tmp_path: Path) -> None:
    ran, flag = tmp_path / "ran.txt", tmp_path / "kill.flag"
    source = tmp_path / "killed.py"
    source.write_text(PIPELINE.format(ran=str(ran), flag=str(flag)), encoding="utf-8")
    flag.write_text("")

    with RunStore.open(tmp_path / "store") as store:
        first = run_pipeline([source], root=tmp_path, store=store, jobs=2, optimize=False)
        assert first.state == "failed"
        states = {s.path: s.state for s in first.steps}
        assert states == {"beside": "succeeded", "make": "succeeded", "victim": "failed", "after_victim": "upstream_failed"}
        (killed_step,) = [s for s in first.steps if s.path == "victim"]
        assert killed_step.error is not None and "SIGKILL" in killed_step.error
    with sqlite3.connect(tmp_path / "store" / DATABASE) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    assert sorted(ran.read_text().split()) == ["beside", "make"]

    flag.unlink()
    with RunStore.open(tmp_path / "store") as store:
        (run,) = store.runs()
        resumed = run_pipeline([source], root=tmp_path, store=store, resume=run.id, jobs=2, optimize=False)
        assert resumed.state == "succeeded", resumed
        assert resumed.outputs == {"output_0": 9, "output_1": 4}
        assert store.run(run.id).state == "succeeded"
    assert sorted(ran.read_text().split()) == ["after_victim", "beside", "make", "victim"]  # make and beside ran once
