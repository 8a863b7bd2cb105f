"""Airflow import round trip: each original DAG and its flowc import run with `dag.test()`.

The originals (tests/importer/sources/airflow_*.py, modeled on Airflow's example DAGs)
share one DAG folder and one Airflow process; their imports, compiled by flowc's Airflow
backend without the optimizer (one Airflow task per step, named after it), share
another. Every task both runs have must end in the same state with the same XCom value.
Mapped tasks are compared instance by instance (by map index).
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any, cast

import pytest

from flowc import api
from flowc.importer import import_paths

SOURCES = Path(__file__).parent / "sources"
# (source file, dag id): the pipeline flowc makes of a DAG keeps the DAG's id.
CASES = [
    ("airflow_taskflow_etl.py", "taskflow_etl"),
    ("airflow_python_operator.py", "python_operator"),
    ("airflow_branch.py", "branching"),
    ("airflow_dynamic_mapping.py", "dynamic_task_mapping"),
]


@pytest.mark.engine
@pytest.mark.slow
@pytest.mark.xdist_group("airflow-engine")
def test_airflow_round_trip(tmp_path: Path) -> None:
    assert_round_trip(tmp_path, [(SOURCES / source, dag_id) for source, dag_id in CASES])


def assert_round_trip(tmp_path: Path, cases: list[tuple[Path, str]]) -> dict[str, set[str]]:
    """Import each (DAG file, dag id), run the originals and the imports (one Airflow process each), compare.

    Returns, per dag id, the tasks both runs have (those compared): a task the import
    left out (an EmptyOperator, an untranslated statement) is not compared.
    """
    from tests.backends.airflow.harness import run_dags, session_home
    from tests.conformance.runners.airflow import compile_into

    originals, imported = tmp_path / "original", tmp_path / "imported"
    originals.mkdir()
    for source in dict.fromkeys(source for source, _ in cases):  # a file may hold several of the DAGs
        shutil.copy(source, originals / source.name)
        (result,) = import_paths([source], "airflow")
        assert result.text is not None
        target = tmp_path / "flowc" / source.name
        target.parent.mkdir(exist_ok=True)
        target.write_text(result.text, encoding="utf-8")
        loaded = api.load([target], optimize=False)
        assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
        compile_into(api.prepared(loaded, optimize=False).program, imported)
    home = session_home()
    runs: list[tuple[str, dict[str, Any]]] = [(dag_id, {}) for _, dag_id in cases]
    expected = run_dags(home, originals, runs, tmp_path / "a1")
    got = run_dags(home, imported, runs, tmp_path / "a2")
    assert not expected.import_errors and not got.import_errors, (expected.import_errors, got.import_errors)
    compared: dict[str, set[str]] = {}
    for want, have in zip(expected.runs, got.runs, strict=True):
        assert want.state == have.state == "success", (want.dag_id, want.error, have.error)
        states = {(t, i): s for t, i, s in have.tasks}  # a mapped task's instances by their map index
        assert states, (have.dag_id, "the import ran no task")
        for task_id, index, state in want.tasks:
            ours = task_id if (task_id, index) in states else _flowc_repeat(task_id)
            if (ours, index) not in states:
                continue
            assert states[(ours, index)] == state, (want.dag_id, task_id, index)
            compared.setdefault(want.dag_id, set()).add(task_id)
            if state == "success" and want.value(task_id, index) is not None:  # Airflow's branch tasks push no value
                assert _plain(have.value(ours, index)) == want.value(task_id, index), (want.dag_id, task_id, index)
    return compared


def _flowc_repeat(task_id: str) -> str:
    """A task (or group) called again in one DAG: Airflow names the n-th repeat `t__n`, flowc `t_{n+1}`."""
    return re.sub(r"([^.]+)__(\d+)(?=\.|$)", lambda m: f"{m.group(1)}_{int(m.group(2)) + 1}", task_id)


def _plain(value: object) -> object:
    """flowc's Airflow steps push their one result as {"output": value}; Airflow's own push the value."""
    if not isinstance(value, dict):
        return value
    pushed = cast(dict[str, object], value)
    return pushed["output"] if list(pushed) == ["output"] else pushed
