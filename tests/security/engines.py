"""One compiled pipeline run on each engine here, for the injection tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flowc.ir.model import Program
from tests.backends.airflow.harness import failure_details, run_dags, session_home
from tests.backends.flyte.local_run import compile_pipeline, flyte_sandbox, import_generated, run_workflow
from tests.backends.kfp.local_run import run_spec
from tests.security.injection_cases import emit_one


def run_kfp(program: Program, args: dict[str, Any], folder: Path) -> dict[str, Any]:
    """kfp.local; needs the `kfp_local_env` fixture."""
    name, text = emit_one(program, "kfp")
    (folder / name).write_text(text, encoding="utf-8")
    outputs, _ = run_spec(folder / name, args, folder / "root")
    return outputs


def run_flyte(program: Program, pipeline: str, args: dict[str, Any], folder: Path) -> dict[str, Any]:
    """flytekit's local execution of the generated module."""
    (path,) = compile_pipeline(program, folder / "flyte").values()
    with flyte_sandbox(folder / "sandbox"):
        module = import_generated(path.parent, path.stem)
        return run_workflow(module, pipeline, args)


def run_airflow(program: Program, mode: str, dag_id: str, task_id: str, confs: list[dict[str, Any]], folder: Path) -> list[Any]:
    """`dag.test()` of the generated DAG once per conf (pods run as local processes); the task's XComs."""
    name, text = emit_one(program, "airflow", {"mode": mode})
    dags = folder / "dags"
    dags.mkdir(parents=True)
    (dags / name).write_text(text, encoding="utf-8")
    home = session_home()
    values: list[Any] = []
    # One Airflow process per run: a second local-pod run of a DAG in one process fails.
    for conf in confs:
        report = run_dags(home, dags, [(dag_id, conf)], folder / "artifacts", local_pods=mode == "kubernetes")
        assert not report.import_errors, report.import_errors
        (run,) = report.runs
        assert run.state == "success", failure_details(home, run)
        values.append(run.value(task_id))
    return values
