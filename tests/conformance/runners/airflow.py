"""Conformance runner for Airflow: compile with flowc (python mode), run with `dag.test()`.

The generated DAG folder is parsed by Airflow's DagBag and the pipeline's DAG run
with `dag.test(run_conf=args)` in a subprocess with its own AIRFLOW_HOME (see
`tests/backends/airflow/harness.py`). Outputs come from the DAG's `flowc-results`
task's XCom, restored to the pipeline's declared types; a task ran once per
successful task instance (each map index counts).

`compile_into` and `result_of` are the two halves, so that many programs' DAGs can
share one folder and one Airflow process (the construct suite does that).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from flowc.backends.airflow.backend import AirflowBackend
from flowc.backends.airflow.plan import RESULTS_ID, Planner
from flowc.codegen.runtime.task_runtime import coerce
from flowc.codegen.typespec import type_spec
from flowc.ir.model import Program
from flowc.ir.names import airflow_name
from tests.backends.airflow.harness import DagRunReport, failure_details, run_dags, session_home
from tests.conformance.runners import RunResult, assert_no_errors, by_member


def compile_into(program: Program, folder: Path) -> None:
    """Write the program's DAG files into `folder`."""
    result = AirflowBackend().emit(program, {})
    assert_no_errors(result.diagnostics)
    folder.mkdir(parents=True, exist_ok=True)
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)


def dag_id(pipeline: str) -> str:
    return airflow_name(pipeline)


def result_of(program: Program, pipeline_name: str, dag_run: DagRunReport, home: Path) -> RunResult:
    """What one `dag.test()` run produced, as outputs by name and runs by IR task (a failed run:
    its error and the failed tasks' logs)."""
    failed = dag_run.state != "success"
    pipeline = program.pipeline(pipeline_name)
    values = dag_run.value(RESULTS_ID) or {}
    outputs = {} if failed else {o.name: coerce(values[o.name], type_spec(o.type)) for o in pipeline.outputs}
    task_of = Planner(program, pipeline, 1024).build().tasks_by_step()
    ran: Counter[str] = Counter()
    for task_id, _, state in dag_run.tasks:
        if state == "success" and task_id in task_of:
            ran[task_of[task_id] or ""] += 1
    return RunResult(outputs=outputs, ran=by_member(program, ran), error=failure_details(home, dag_run) if failed else None)


def run(program: Program, pipeline: str, args: dict[str, Any], workdir: Path) -> RunResult:
    folder = workdir / "dags"
    compile_into(program, folder)
    home = session_home()
    report = run_dags(home, folder, [(dag_id(pipeline), dict(args))], workdir / "artifacts")
    assert not report.import_errors, report.import_errors
    return result_of(program, pipeline, report.runs[0], home)
