"""Conformance runner for Airflow: compile with flowc (python mode), run with `dag.test()`.

The generated DAG folder is parsed by Airflow's DagBag and the pipeline's DAG run
with `dag.test(run_conf=case.args)` in a subprocess with its own AIRFLOW_HOME (see
`tests/backends/airflow/harness.py`). Outputs come from the DAG's `flowc-results`
task's XCom, restored to the pipeline's declared types; a task ran once per
successful task instance (each map index counts).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from flowc.backends.airflow.backend import AirflowBackend
from flowc.backends.airflow.plan import RESULTS_ID, Planner
from flowc.codegen.runtime.task_runtime import coerce
from flowc.codegen.typespec import type_spec
from flowc.ir.model import Program
from flowc.ir.names import airflow_name
from tests.backends.airflow.harness import failure_details, run_dags, session_home
from tests.conformance.expected import Case
from tests.conformance.runners import RunResult


def run(program: Program, case: Case, workdir: Path) -> RunResult:
    folder = workdir / "dags"
    folder.mkdir(parents=True, exist_ok=True)
    result = AirflowBackend().emit(program, {})
    assert all(d.code == "FLC605" for d in result.diagnostics), result.diagnostics  # python mode warns on secrets=
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    home = session_home()
    report = run_dags(home, folder, [(airflow_name(case.pipeline), dict(case.args))], workdir / "artifacts")
    assert not report.import_errors, report.import_errors
    dag_run = report.runs[0]
    assert dag_run.state == "success", failure_details(home, dag_run)
    pipeline = program.pipeline(case.pipeline)
    values = dag_run.value(RESULTS_ID) or {}
    outputs = {o.name: coerce(values[o.name], type_spec(o.type)) for o in pipeline.outputs}
    task_of = Planner(program, pipeline, 1024).build().tasks_by_step()
    ran: Counter[str] = Counter()
    for task_id, _, state in dag_run.tasks:
        if state == "success" and task_id in task_of:
            ran[task_of[task_id] or ""] += 1
    return RunResult(outputs=outputs, ran=ran)
