"""`flowc diff` as a command, in a process of its own, run in the repository."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT
from tests.diff.conftest import edit


def flowc(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "flowc.cli", *argv], capture_output=True, text=True, cwd=cwd, env=env)


def test_diff_command_prints_the_steps_and_a_bad_revision_exits_1(repo: Path) -> None:
    edit(repo, 'return text.upper() + "!"', 'return text.upper() + "?"')
    done = flowc(repo / "pipelines", "diff", "--no-optimize")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.splitlines()[1:] == [
        "pipeline flow: 1 step re-run, 5 reuse cached results",
        "  re-run  report  helper shout (pipelines/flow.py:20)",
    ]
    bad = flowc(repo, "diff", "HEAD", "no-such-branch")
    assert bad.returncode == 1 and "error[FLC001]: no such file or directory: no-such-branch" in bad.stderr
