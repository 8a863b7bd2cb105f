"""The store under faults and contention: writers SIGKILLed at random moments, several writers at once.

After every kill the store must pass SQLite's integrity check, and every step recorded as
succeeded must have its artifacts, whole (their sha256 is in the step's outputs): no row
points to a missing or torn file.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from flowc.run.store import DATABASE, RunStore
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")


def _writer(root: Path, run_id: str, count: int, threads: int, tag: str = "s") -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [sys.executable, "-m", "tests.run.store_writer", str(root), run_id, str(count), str(threads), tag]
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)


def _check_consistent(root: Path) -> int:
    """Integrity check, then every succeeded step's artifacts exist and hash as recorded; the number of them."""
    with sqlite3.connect(root / DATABASE) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    store = RunStore.open(root)
    succeeded = 0
    for run in store.runs():
        for step in store.steps(run.id):
            for name, path in step.artifacts.items():
                assert path.is_file(), f"{run.id} {step.path}: {name} is missing"
                assert hashlib.sha256(path.read_bytes()).hexdigest() == step.outputs[name], f"{step.path}: {name} is torn"
            succeeded += step.state == "succeeded"
    store.close()
    return succeeded


def test_writers_killed_at_random_moments_never_leave_a_broken_store(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = RunStore.open(root)
    chance = random.Random(12)
    recorded = 0
    for round_ in range(20):
        run_id = store.begin_run("p", "p.py", {"round": round_})
        writer = _writer(root, run_id, 400, 4)
        assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        time.sleep(chance.uniform(0.0, 0.15))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        writer.stdout.close()
        now = _check_consistent(root)
        assert now > recorded  # each round recorded at least its first step, and nothing was lost
        recorded = now
    store.close()


def test_threads_and_processes_record_at_once_and_nothing_is_lost(tmp_path: Path) -> None:
    root = tmp_path / "store"
    store = RunStore.open(root)
    runs = [store.begin_run("p", "p.py", {}) for _ in range(2)]
    writers = [_writer(root, run_id, 60, 6, tag=f"w{i}") for i, run_id in enumerate(runs)]
    for writer in writers:
        assert writer.communicate(timeout=120)[0] == "ready\n"
        assert writer.returncode == 0
    assert _check_consistent(root) == 2 * 61
    assert [len(store.steps(run_id)) for run_id in runs] == [61, 61]
    store.close()
