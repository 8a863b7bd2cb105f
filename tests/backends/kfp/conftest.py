"""Engine setup for the KFP backend tests: kfp.local, offline, in-process subprocesses."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def kfp_local_env() -> Iterator[None]:
    """Let kfp.local run flowc's own tasks (see `tests/backends/kfp/local_run.py`)."""
    from tests.backends.kfp.local_run import lifted_guard

    bin_dir = str(Path(sys.executable).parent)
    with lifted_guard(), pytest.MonkeyPatch.context() as mp:
        # Tasks run `python3`: make it this interpreter's, whatever the caller's PATH says.
        mp.setenv("PATH", bin_dir + os.pathsep + os.environ.get("PATH", ""))
        yield
