"""Kill compiles at random moments: the output folder is always all old or all new (issue 8, acceptance).

2,000 steps (two pipelines of 1,000: one KFP spec of 2,000 steps is over KFP's 1 MiB
limit) are compiled for all three targets over the output of an older version (other
defaults, so each of the 6 files differs). Each round starts a compile
and sends SIGKILL, SIGTERM or SIGINT: half of the rounds at a uniformly random moment
of the whole compile, half just after the first temporary file appeared (the write
phase, which a uniform moment rarely hits). Then:
- the files are exactly the old set or exactly the new set (flowc temporaries aside),
  except after a SIGKILL that lands between two renames of the commit (POSIX renames one
  file at a time, and nothing runs in a killed process): then a journal is left, and
- after SIGTERM and SIGINT no temporary file is left;
- after SIGKILL, the next compile (of the old version, which also resets the round)
  rolls back from that journal and leaves the old set and no temporary file
  (after SIGTERM and SIGINT the folder is reset by copying the old files).
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.generate import chain_source
from flowc.cli import main
from flowc.codegen.files import TEMP_MARK
from tests.security.children import start as start_child

ROOT = Path(__file__).resolve().parents[2]
STEPS = 2_000
ROUNDS = 20
TARGETS = "kfp,airflow,flyte"

pytestmark = pytest.mark.slow


def _files(out: Path) -> dict[str, bytes]:
    return {str(p.relative_to(out)): p.read_bytes() for p in out.rglob("*") if p.is_file() and TEMP_MARK not in p.name}


def _temps(out: Path) -> list[str]:
    return sorted(str(p.relative_to(out)) for p in out.rglob("*") if TEMP_MARK in p.name)


def _reset(out: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        (out / rel).write_bytes(data)


def _compile_in_process(source: Path, out: Path) -> None:
    assert main(["compile", str(source), "-t", TARGETS, "-o", str(out)]) == 0


class Compiler:
    """Starts `flowc compile` of the new version in a child process."""

    def __init__(self, source: Path, out: Path) -> None:
        self.cmd = [sys.executable, "-m", "flowc.cli", "compile", str(source), "-t", TARGETS, "-o", str(out)]
        self.env = {**os.environ, "PYTHONPATH": str(ROOT)}
        self.out = out

    def start(self) -> subprocess.Popen[bytes]:
        return start_child(self.cmd, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def until_writing(self, child: subprocess.Popen[bytes], deadline: float) -> bool:
        """Wait until a temporary file exists (True), or the child ended (False)."""
        folders = [self.out / t for t in TARGETS.split(",")]
        while child.poll() is None and time.monotonic() < deadline:
            if any(TEMP_MARK in entry.name for folder in folders for entry in os.scandir(folder)):
                return True
            time.sleep(0.001)
        return False


def _write_version(folder: Path, default: int) -> Path:
    """Two 1,000-step pipelines (one KFP spec of 2,000 steps is over KFP's 1 MiB limit): 6 files in all."""
    folder.mkdir()
    for name in ("chain_a", "chain_b"):
        text = chain_source(STEPS // 2, name=name, task_prefix=f"{name}_")
        (folder / f"{name}.py").write_text(text.replace("n: int = 1", f"n: int = {default}"))
    return folder


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, bytes], dict[str, bytes], float]:
    """The old and the new sources; their outputs; how long a whole compile takes in a child."""
    root = tmp_path_factory.mktemp("fault")
    old_source, new_source = _write_version(root / "old", 1), _write_version(root / "new", 2)
    _compile_in_process(old_source, root / "old_out")
    began = time.monotonic()
    child = Compiler(new_source, root / "new_out").start()
    assert child.wait(timeout=120) == 0
    seconds = time.monotonic() - began
    old, new = _files(root / "old_out"), _files(root / "new_out")
    assert old.keys() == new.keys() and len(old) == 6 and all(old[k] != new[k] for k in old)
    return old_source, new_source, old, new, seconds


def _interrupted_while_starting(err: bytes) -> bool:
    """SIGINT before flowc's `main` runs (the interpreter still importing) is Python's own
    KeyboardInterrupt, traceback included; from `main` on flowc ends quietly with 130."""
    return err.rstrip().endswith(b"KeyboardInterrupt") and b", in main" not in err


@pytest.mark.parametrize("signum", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=["KILL", "TERM", "INT"])
def test_killed_compiles_leave_all_old_or_all_new(
    versions: tuple[Path, Path, dict[str, bytes], dict[str, bytes], float], tmp_path: Path, signum: int
) -> None:
    old_source, new_source, old, new, seconds = versions
    out = tmp_path / "out"
    rng = random.Random(f"flowc-fault-{signum}")  # reproducible moments
    _compile_in_process(old_source, out)
    compiler = Compiler(new_source, out)
    hit_write_phase = 0
    for round_ in range(ROUNDS):
        child = compiler.start()
        deadline = time.monotonic() + 60
        if round_ % 2:
            writing = compiler.until_writing(child, deadline)
            time.sleep(rng.uniform(0, 0.003))
        else:
            writing = False
            time.sleep(rng.uniform(0, seconds))
        if child.poll() is None:
            child.send_signal(signum)
            hit_write_phase += writing
        _, err = child.communicate(timeout=60)
        if not _interrupted_while_starting(err):
            assert b"Traceback" not in err and b"internal error" not in err, err
        if _files(out) not in (old, new):
            # Killed between two renames, no process can finish the set: the journal it left
            # names the replaced files, and the next write into the folder rolls them back.
            assert signum == signal.SIGKILL and list(out.glob(".flowc-journal*")), f"round {round_}: a mix of old and new files"
        if signum == signal.SIGKILL:
            _compile_in_process(old_source, out)  # the next compile: cleans up, rolls back, writes the old set
            assert _files(out) == old and _temps(out) == []
        else:
            assert _temps(out) == [], f"round {round_}: {_temps(out)}"
            _reset(out, old)
    assert hit_write_phase >= 1, "no round signalled the write phase"
