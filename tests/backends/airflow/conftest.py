"""Fixtures for the Airflow backend tests: every example compiled in both modes, once.

Airflow itself only ever runs in subprocesses (see harness.py): they get their own
AIRFLOW_HOME (migrated once per test process), AIRFLOW__CORE__LOAD_EXAMPLES=False
and a DAGS_FOLDER pointing at the compiled files.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flowc.backends.airflow.backend import AirflowBackend
from flowc.ir.model import Program
from tests.conftest import EXAMPLE_FILES

MODES = ("python", "kubernetes")


@pytest.fixture(scope="session")
def compiled(load_example: Callable[..., object]) -> dict[str, dict[str, bytes]]:
    """mode -> DAG file name -> bytes, for every example."""
    out: dict[str, dict[str, bytes]] = {}
    for mode in MODES:
        files: dict[str, bytes] = {}
        for name in EXAMPLE_FILES:
            program = load_example(name, optimize=False)  # each example's own steps: the tests name them
            assert isinstance(program, Program)
            result = AirflowBackend().emit(program, {"mode": mode})
            assert all(d.code == "FLC605" for d in result.diagnostics), result.diagnostics  # python mode warns on secrets=
            files.update(result.files)
        out[mode] = files
    return out


@pytest.fixture(scope="session")
def dag_folders(compiled: dict[str, dict[str, bytes]], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """mode -> a folder holding every example's DAG file."""
    folders: dict[str, Path] = {}
    for mode, files in compiled.items():
        folder = tmp_path_factory.mktemp(f"dags-{mode}")
        for rel, data in files.items():
            (folder / rel).write_bytes(data)
        folders[mode] = folder
    return folders
