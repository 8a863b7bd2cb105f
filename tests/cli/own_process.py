"""`flowc` run in a process of its own, its output read back as `capsys` would give it.

An in-process Airflow run earlier on the same xdist worker rewrites what `print` writes,
so a command run in-process there cannot be compared exactly (CI saw padded output).
Tests that compare a command's whole output import `main` and `capsys` from here.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


class _Output:
    """What the last `main` call printed (a fake `capsys.readouterr()` result)."""

    out = ""
    err = ""


_LAST = _Output()


def main(argv: list[str]) -> int:
    """`flowc` in a process of its own: an in-process Airflow run earlier on the same xdist
    worker rewrites what `print` writes, so a captured in-process run cannot be compared."""
    proc = flowc(argv)
    _LAST.out, _LAST.err = proc.stdout, proc.stderr
    return proc.returncode


def flowc(argv: list[str]) -> subprocess.CompletedProcess[str]:
    """`flowc argv` in a process of its own: its exit code, stdout and stderr."""
    return subprocess.run([sys.executable, "-m", "flowc.cli", *argv], capture_output=True, text=True, cwd=ROOT,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})


class _Captured:
    def readouterr(self) -> _Output:
        return _LAST


@pytest.fixture
def capsys() -> _Captured:  # the output of `main` above, not of this process
    return _Captured()
