"""What a `finally` step learns of its failed `try` block (`flowc.RunStatus`), per engine.

The construct suite (`constructs/cleanup/`) checks that the cleanup step runs once and
sees a failure, and that the run fails, on every engine. Here the failing program's
cleanup step records the status it received, and each engine must say what it can:
Airflow names the failed step (the dag run's failed task instance) but keeps no error
text; KFP's `PipelineTaskFinalStatus` names no failed step; Flyte's failure handler
gets the error message, and on a cluster the failed node (`FlyteError.failed_node_id`).
"""

from __future__ import annotations

import importlib
import json
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from tests.conformance.runners import RunResult

PROGRAM = Path(__file__).parent / "constructs" / "cleanup" / "cleanup_try_fails.py"
FAILED_STEP = "cleanup_step_fails"
ERROR = "cleanup_step_fails refuses 2"

# engine -> (failed_step, error text it contains, or None when the engine gives none)
EXPECTED: dict[str, tuple[str | None, str | None]] = {
    "airflow": (FAILED_STEP, None),
    "kfp": (None, "failed"),  # "Task <handler> failed.": the handler's state, not the step's error
    "flyte": (FAILED_STEP, ERROR),
}

FLYTE_LOCAL = (
    "flytekit's local run passes the failure handler's own node id as FlyteError.failed_node_id "
    "(WorkflowBase.__call__, flytekit/core/workflow.py); propeller passes the failed node's id"
)


def _params() -> list[Any]:
    marks = {"flyte": [pytest.mark.xfail(reason=FLYTE_LOCAL, strict=True)]}
    return [pytest.param(e, id=e, marks=[pytest.mark.engine, *marks.get(e, [])]) for e in EXPECTED if e != "airflow"]


@pytest.mark.parametrize("engine", _params())
def test_cleanup_step_sees_the_failed_step(engine: str, tmp_path: Path) -> None:
    loaded = api.load([PROGRAM], root=PROGRAM.parent)
    assert loaded.ok
    record = tmp_path / "status.json"
    runner = importlib.import_module(f"tests.conformance.runners.{engine}")
    got: RunResult = runner.run(loaded.program, "cleanup_try_fails", {"record": str(record)}, tmp_path / "run")
    assert got.error is not None, got
    status = json.loads(record.read_text(encoding="utf-8"))
    _assert_status(engine, status)


def _assert_status(engine: str, status: dict[str, Any]) -> None:
    failed_step, error = EXPECTED[engine]
    assert status["state"] == "failed"
    assert (status["error"] is None) == (error is None) and (error is None or error in status["error"]), status
    assert status["failed_step"] == failed_step, status


def test_flowc_run_runs_the_cleanup_once_and_fails(tmp_path: Path) -> None:
    """The local runner: the `finally` step runs once after the failed step, sees it, and the run fails."""
    from tests.run.harness import run_in

    loaded = api.load([PROGRAM], root=PROGRAM.parent)
    record = tmp_path / "status.json"
    outcome, printed = run_in(loaded.program, "cleanup_try_fails", {"record": str(record)}, tmp_path / "store", jobs=2)
    assert outcome.state == "failed", printed
    states = sorted((s.name, s.state) for s in outcome.steps)
    assert states == [
        ("cleanup_sees_failure", "succeeded"), ("cleanup_step_fails", "failed"), ("cleanup_step_ok", "succeeded"),
    ], printed
    status = json.loads(record.read_text(encoding="utf-8"))
    assert status["state"] == "failed" and status["failed_step"] == FAILED_STEP and ERROR in status["error"], status


def test_flowc_run_runs_the_cleanup_once_and_goes_on(tmp_path: Path) -> None:
    from tests.run.harness import run

    program = PROGRAM.with_name("cleanup_try_succeeds.py")
    got = run(api.load([program], root=program.parent).program, "cleanup_try_succeeds", {}, tmp_path)
    assert got.outputs == {"output": 112}
    assert got.ran["cleanup_sees_success"] == 1 and got.ran["cleanup_add"] == 3, got.ran


NESTING = Path(__file__).with_name("cleanup_nesting.py")


@pytest.mark.engine
def test_kfp_runs_the_exit_handler_of_a_sub_pipeline(tmp_path: Path) -> None:
    from tests.conformance.runners import kfp

    program = api.load([NESTING], root=NESTING.parent).program
    ok = kfp.run(program, "cleanup_sub_outer", {"x": 2}, tmp_path / "ok")
    assert ok.outputs == {"output": 8} and ok.ran["sub_clean"] == 1, ok
    failed = kfp.run(program, "cleanup_sub_outer", {"x": 9}, tmp_path / "failed")
    assert failed.error is not None and failed.ran["sub_clean"] == 1 and failed.ran["sub_work"] == 0, failed


def test_flowc_run_runs_nested_cleanups_once_each(tmp_path: Path) -> None:
    from tests.run.harness import run_in

    nested = NESTING.with_name("cleanup_nested.py")
    program = api.load([nested], root=nested.parents[2]).program
    outcome, printed = run_in(program, "cleanup_nested", {"x": 4}, tmp_path / "store", jobs=2)
    assert outcome.state == "failed", printed
    states = sorted((s.path, s.state) for s in outcome.steps)
    assert states == [
        ("sub_clean", "succeeded"), ("sub_clean_2", "succeeded"), ("sub_work", "succeeded"), ("sub_work_2", "failed"),
    ], printed


@pytest.mark.engine
def test_airflow_status_nesting_and_sub_pipelines(tmp_path: Path) -> None:
    """One Airflow process: the failed step named; a try block in a sub-pipeline's task group and
    one nested in a try body each run their cleanup once, and the runs fail."""
    from tests.backends.airflow.harness import run_dags, session_home
    from tests.conformance.runners import airflow

    folder, record = tmp_path / "dags", tmp_path / "status.json"
    nested = NESTING.with_name("cleanup_nested.py")
    for path, root in ((PROGRAM, PROGRAM.parent), (NESTING, NESTING.parent), (nested, nested.parents[2])):
        airflow.compile_into(api.load([path], root=root).program, folder)
    runs = [("cleanup_try_fails", {"record": str(record)}), ("cleanup_sub_outer", {"x": 9}), ("cleanup_nested", {"x": 4})]
    report = run_dags(session_home(), folder, runs, tmp_path / "artifacts")
    assert not report.import_errors, report.import_errors
    states = [(r.state, sorted((t, s) for t, _, s in r.tasks if t != "flowc-results")) for r in report.runs]
    assert states == [
        ("failed", [("cleanup_sees_failure", "success"), ("cleanup_step_fails", "failed"), ("cleanup_step_ok", "success")]),
        ("failed", [("cleanup_sub_inner.sub_clean", "success"), ("cleanup_sub_inner.sub_work", "failed"), ("sub_work", "upstream_failed")]),
        ("failed", [("sub_clean", "success"), ("sub_clean_2", "success"), ("sub_work", "success"), ("sub_work_2", "failed")]),
    ], states
    _assert_status("airflow", json.loads(record.read_text(encoding="utf-8")))
