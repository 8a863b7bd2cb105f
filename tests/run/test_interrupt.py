"""Ctrl-C stops `flowc run`: the run is recorded as interrupted, its step processes are gone, exit code 130."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from flowc.run.store import RunStore
from tests.run.harness import alive

PIPELINE = '''
import os
import time
from flowc import pipeline, task


@task
def sleeper(folder: str, i: int) -> int:
    open(os.path.join(folder, str(os.getpid())), "w").close()
    time.sleep(60)
    return i


@pipeline
def sleepers(folder: str, items: list[int] = [1, 2, 3]) -> list[int]:
    return [sleeper(folder=folder, i=i) for i in items]
'''


def test_ctrl_c_kills_the_steps_and_records_the_run_as_interrupted(tmp_path: Path) -> None:
    source, pids, store = tmp_path / "p.py", tmp_path / "pids", tmp_path / "store"
    source.write_text(PIPELINE, encoding="utf-8")
    pids.mkdir()
    argv = [sys.executable, "-m", "flowc.cli", "run", str(source), "--store", str(store), "-j", "2", "--param", f"folder={pids}"]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONPATH": os.getcwd()})
    deadline = time.monotonic() + 30
    while len(list(pids.iterdir())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    started = [int(p.name) for p in pids.iterdir()]
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=30)
    assert proc.returncode == 130, out.decode()
    assert len(started) == 2  # -j 2: the third item never started
    deadline = time.monotonic() + 5
    while any(alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in started if alive(pid)] == []
    with RunStore.open(store) as opened:
        (run,) = opened.runs()
    assert run.state == "interrupted"
