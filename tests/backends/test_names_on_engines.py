"""Names the engines have rules for, and tasks identified by module, on all three engines (issue 8 #12, issue 9 #4).

`tests/backends/projects/monorepo` is a repository with two pipeline modules that
each define a task `extract`, a pipeline calling both, and a module of hard names:
`name="my task"`, flowc's own Airflow ids (`flowc-results`, `cond_1-then`) as task
names, `split_data` next to `splitData` (two NamedTuple results), a sub-pipeline
named `inner-pipeline` and a pipeline named `données.flow`. The whole folder is
checked and compiled together, then run on kfp.local, Airflow `dag.test()` and
flytekit's local execution.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from flowc import api
from flowc.backends.kfp.backend import KfpBackend
from flowc.ir.model import Program
from flowc.ir.names import airflow_name, kfp_name, python_name

PROJECT = Path(__file__).parent / "projects" / "monorepo"
# pipeline, args, outputs (the same on every engine and as plain Python)
RUNS: list[tuple[str, dict[str, Any], dict[str, Any]]] = [
    ("both", {"x": 1}, {"output": 20}),
    ("données.flow", {"x": 1}, {"output_0": 27, "output_1": 3, "output_2": 13, "output_3": "hello1/unset"}),
]


def _program(optimize: bool = True) -> Program:
    loaded = api.load([PROJECT], root=PROJECT, optimize=optimize)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def test_two_modules_defining_extract_check_together_with_module_qualified_ids() -> None:
    program = _program(optimize=False)
    assert sorted(t.name for t in program.tasks if t.name.endswith("extract")) == ["sales.extract", "stock.extract"]
    both = program.pipeline("both")
    assert [(n.id, getattr(n, "task", None)) for n in both.body] == [("extract", "sales.extract"), ("extract_2", "stock.extract")]
    assert {program.pipeline("sales_flow").body[0].task, program.pipeline("stock_flow").body[0].task} == {"sales.extract", "stock.extract"}  # pyright: ignore


def test_engine_names_are_sanitized_and_distinct() -> None:
    program = _program(optimize=False)
    names = [t.name for t in program.tasks] + [p.name for p in program.pipelines]
    for sanitize in (kfp_name, airflow_name, python_name):
        engine_names = [sanitize(n) for n in names]
        assert len(set(engine_names)) == len(names) and all(engine_names), engine_names
    assert python_name("données.flow") == "donnees_flow" and kfp_name("inner-pipeline") == "inner-pipeline"
    node_ids = {n.id for p in program.pipelines for n in p.body}
    assert {"my_task", "inner_pipeline", "split_data", "splitData"} <= node_ids
    assert all(n.isidentifier() and "-" not in n for n in node_ids)


def test_every_target_compiles_the_whole_repository(tmp_path: Path) -> None:
    outcome = api.compile_to([PROJECT], ["kfp", "airflow", "flyte"], tmp_path, root=PROJECT)
    assert outcome.ok, outcome.diagnostics
    as_written = _program(optimize=False)  # the names as written, before steps are fused
    flyte = api.emit(as_written, "flyte").files["donnees_flow_flyte.py"].decode()
    assert "class _flowc_split_data_Outputs(" in flyte and "class _flowc_splitData_Outputs(" in flyte
    kfp = yaml.safe_load(api.emit(as_written, "kfp").files["both.yaml"].decode())
    assert {"comp-sales-extract", "comp-stock-extract"} <= set(kfp["components"])


@pytest.mark.engine
@pytest.mark.parametrize(("pipeline", "args", "want"), RUNS, ids=[python_name(r[0]) for r in RUNS])
def test_runs_on_flyte(pipeline: str, args: dict[str, Any], want: dict[str, Any], tmp_path: Path) -> None:
    from tests.conformance.runners import flyte

    if "output_3" in want:  # flytekit's local execution runs tasks in-process; `environment=` is for the container
        want = {**want, "output_3": "unset1/unset"}
    assert flyte.run(_program(), pipeline, args, tmp_path).outputs == want


@pytest.mark.engine
def test_runs_on_airflow_in_python_mode(tmp_path: Path) -> None:
    from flowc.backends.airflow.backend import AirflowBackend
    from flowc.backends.airflow.plan import RESULTS_ID
    from tests.backends.airflow.harness import failure_details, run_dags, session_home

    result = AirflowBackend().emit(_program(), {})
    assert not result.diagnostics, result.diagnostics
    folder = tmp_path / "dags"
    folder.mkdir()
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    home = session_home()
    report = run_dags(home, folder, [(airflow_name(p), args) for p, args, _ in RUNS], tmp_path / "artifacts")
    assert report.import_errors == {}
    for (pipeline, _, want), run in zip(RUNS, report.runs):
        assert run.state == "success", failure_details(home, run)
        got = run.value(RESULTS_ID)
        assert (got if isinstance(got, dict) and len(want) > 1 else {"output": (got or {}).get("output")}) == want, pipeline


@pytest.mark.engine
@pytest.mark.parametrize(("pipeline", "args", "want"), RUNS, ids=[python_name(r[0]) for r in RUNS])
def test_runs_on_kfp_local(pipeline: str, args: dict[str, Any], want: dict[str, Any], tmp_path: Path) -> None:
    from tests.backends.kfp.local_run import lifted_guard, run_spec

    result = KfpBackend().emit(_program(), {})
    assert not result.diagnostics, result.diagnostics
    [data] = [d for d in result.files.values() if yaml.safe_load(d)["pipelineInfo"]["name"] == kfp_name(pipeline)]
    path = tmp_path / "spec.yaml"
    path.write_bytes(data)
    with lifted_guard(), pytest.MonkeyPatch.context() as mp:
        mp.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
        mp.setenv("TMPDIR", str(tmp_path))
        outputs, _ = run_spec(path, args, tmp_path / "root")
    assert outputs == want
