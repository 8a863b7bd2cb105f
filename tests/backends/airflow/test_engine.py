"""The generated DAGs on real Airflow 3.3: DagBag imports them, `dag.test()` runs them.

Kubernetes mode cannot start pods here (no cluster): its DAGs are parsed and their
operators inspected, and run with each pod replaced by a local process (Airflow
still renders every template and handles the XComs; see harness._LOCAL_PODS).
"""

from __future__ import annotations

import ast

from pathlib import Path
from typing import Any

import pytest

from flowc.backends.airflow.backend import AirflowBackend
from flowc.backends.airflow.plan import RESULTS_ID, Planner
from flowc.ir.command import literal_text
from flowc.ir.model import ContainerTask, Program, PythonTask
from flowc.ir.names import airflow_name
from tests.backends.airflow import hand_ir
from tests.backends.airflow.conftest import MODES
from tests.backends.airflow.harness import failure_details, inspect_folder, run_dags, session_home
from tests.conftest import EXAMPLE_FILES

pytestmark = [pytest.mark.engine, pytest.mark.xdist_group("airflow-engine")]


@pytest.fixture(scope="module")
def inspected(dag_folders: dict[str, Path]) -> dict[str, dict[str, Any]]:
    return {mode: inspect_folder(session_home(), folder) for mode, folder in dag_folders.items()}


def _programs(load_example: Any) -> list[Program]:
    return [load_example(name, optimize=False) for name in sorted(EXAMPLE_FILES)]  # as compiled by the `compiled` fixture


@pytest.mark.parametrize("mode", MODES)
def test_every_example_imports_with_no_errors(mode: str, inspected: dict[str, dict[str, Any]], compiled: dict[str, dict[str, bytes]]) -> None:
    report = inspected[mode]
    assert report["import_errors"] == {}
    assert sorted(report["dags"]) == sorted(Path(rel).stem for rel in compiled[mode])


def _env(entry: dict[str, Any]) -> dict[str, Any]:
    env = entry["env_vars"]
    return dict(env) if isinstance(env, list) else dict(env)


def _unwrap(value: Any) -> Any:
    return value["literal"] if isinstance(value, dict) and "literal" in value else value


def test_kubernetes_operators_carry_image_resources_env_retries_and_command(inspected: dict[str, dict[str, Any]], load_example: Any) -> None:
    seen = 0
    for program in _programs(load_example):
        for pipeline in (p for p in program.pipelines if p.entry):
            tasks = inspected["kubernetes"]["dags"][airflow_name(pipeline.name)]["tasks"]
            for step in Planner(program, pipeline, 1024).build().steps:
                if step.kind != "task":
                    assert tasks[step.task_id]["operator"] in ("PythonOperator", "BranchPythonOperator", "EmptyOperator")
                    continue
                _check_pod(tasks[step.task_id], program.task(step.task or ""), step.loop is not None)
                seen += 1
    assert seen >= 20


def _shipped_text(program: str) -> str:
    """The task code a pod program ships (as data: `_FLOWC_SOURCE`), its pieces joined."""
    for node in ast.parse(program).body:
        if isinstance(node, ast.Assign) and [ast.unparse(t) for t in node.targets] == ["_FLOWC_SOURCE"]:
            shipped = ast.literal_eval(node.value)
            return "".join(text for _, text in shipped["pieces"])
    raise AssertionError("no _FLOWC_SOURCE in the pod program")


def _check_pod(entry: dict[str, Any], task: PythonTask | ContainerTask, mapped: bool) -> None:
    opts = task.options
    assert entry["operator"] == "KubernetesPodOperator"
    assert entry["image"] == opts.image
    assert entry["retries"] == opts.retries
    assert entry["execution_timeout"] == (float(opts.timeout_seconds) if opts.timeout_seconds else None)
    assert entry["do_xcom_push"] is bool(task.outputs)
    assert entry["mapped"] is mapped and (not mapped or entry["expand"] == ["labels"])
    env = _env(entry)
    assert env["FLOWC_INPUTS"] == "{{ flowc_inputs(ti, params) }}"
    for key, value in opts.env:
        assert _unwrap(env[key]) == value
    assert [s[2] for s in entry["secrets"] or []] == list(opts.secrets)
    res = opts.resources
    requests = {k: v for k, v in (("cpu", res.cpu), ("memory", res.memory)) if v}
    if requests:
        assert entry["container_resources"]["requests"] == requests
    else:
        assert entry["container_resources"] is None
    cmds = [_unwrap(c) for c in entry["cmds"]]
    if isinstance(task, PythonTask):
        assert cmds[:2] == ["python", "-c"]
        assert task.code.function.strip() in _shipped_text(cmds[2])
        compile(cmds[2], "<pod program>", "exec")
    else:
        user = (*task.command, *task.args)
        if task.outputs:  # wrapped: sh collects the output files into the XCom sidecar file
            assert cmds[:2] == ["sh", "-c"] and "/airflow/xcom/return.json" in cmds[2] and cmds[3] == "flowc"
            cmds = cmds[4:]
        assert len(cmds) == len(user)
        for got, want in zip(cmds, user):
            text = literal_text(want)
            assert got == text if text is not None else got.startswith("{{ flowc_arg(ti, params, ")


def _values(report: Any, task_id: str, count: int, name: str = "output") -> list[Any]:
    return [report.value(task_id, i)[name] for i in range(count)]


def test_python_mode_fan_out_fan_in_and_branches(dag_folders: dict[str, Path], tmp_path: Path) -> None:
    home = session_home()
    folder = run_dags(home, dag_folders["python"], [("weekly_report", {"mode": "short"}), ("grid_search", {})], tmp_path)
    weekly, grid = folder.runs
    assert weekly.state == "success", failure_details(home, weekly)
    # sub-pipeline per region, mapped in list order; the fan-in keeps that order
    assert _values(weekly, "region_report.region_total", 3) == [274, 410, 277]
    assert weekly.value("combine")["output"] == 961
    assert weekly.states("render_short") == ["success"]
    assert weekly.states("render_full") == ["skipped"] and weekly.states("announce") == ["skipped"]
    assert weekly.value("cond_1-join") == {"text": "total: 961"}
    assert weekly.states("announce_2") == ["skipped"]  # `not mode == "short"` is false
    assert grid.state == "success", failure_details(home, grid)
    expected = [d * 10 + w / 4 - 0.25 for d in (2, 3) for w in (4, 8, 16)]
    sims = [t for t in grid.tasks if t[0] == "simulate"]
    assert len(sims) == 6 and {s for _, _, s in sims} == {"success"}
    assert _values(grid, "simulate", 6) == pytest.approx(expected)
    assert grid.value("summarize_grid") == {"best": 33.75, "runs": 6}
    assert grid.states("alert") == ["skipped"] and grid.states("record") == ["success"]


def test_kubernetes_mode_runs_with_each_pod_as_a_local_process(load_example: Any, tmp_path: Path) -> None:
    folder = tmp_path / "dags"
    folder.mkdir()
    for name in ("batch_inference", "churn"):
        result = AirflowBackend().emit(load_example(name), {"mode": "kubernetes", "artifact_root": str(tmp_path / "artifacts")})
        for rel, data in result.files.items():
            (folder / rel).write_bytes(data)
    home = session_home()
    report = run_dags(home, folder, [("batch_inference", {"count": 2}), ("churn", {"bar": 1.0})], tmp_path, local_pods=True)
    batch, churn = report.runs
    assert batch.state == "success", failure_details(home, batch)
    assert batch.value(RESULTS_ID) == {"output": 18}
    assert [t for t in batch.tasks if t[0] == "audit" and t[2] == "success"] == [("audit", 0, "success"), ("audit", 1, "success")]
    assert churn.state == "success", failure_details(home, churn)
    assert churn.value(RESULTS_ID) == {"output": 1.0}
    assert churn.states("publish") == ["skipped"] and len(churn.states("train")) == 2


def test_condition_inside_a_fan_out_runs_per_instance_in_both_modes(tmp_path: Path) -> None:
    """`[classify(x=x) for x in xs]` where the sub-pipeline branches: each instance takes its own arm."""
    folder = tmp_path / "dags"
    folder.mkdir()
    for mode in MODES:
        result = AirflowBackend().emit(hand_ir.branch_per_item(), {"mode": mode, "artifact_root": str(tmp_path)})
        text = result.files["hand.py"].replace(b"dag_id='hand'", f"dag_id='hand_{mode}'".encode())
        (folder / f"hand_{mode}.py").write_bytes(text)
    for name, program in (("empty", hand_ir.empty_fan_out()), ("after", hand_ir.after_a_branchy_sub_pipeline())):
        text = AirflowBackend().emit(program, {"artifact_root": str(tmp_path)}).files["hand.py"]
        (folder / f"hand_{name}.py").write_bytes(text.replace(b"dag_id='hand'", f"dag_id='hand_{name}'".encode()))
    home = session_home()
    requests = [("hand_python", {}), ("hand_kubernetes", {"xs": [5, 0]}), ("hand_empty", {}), ("hand_after", {})]
    runs = run_dags(home, folder, requests, tmp_path, local_pods=True).runs
    # waiting for a sub-pipeline whose branch was not taken still runs
    assert runs[3].value(RESULTS_ID) == {"output": 2} and runs[3].states("sub.never") == ["skipped"], failure_details(home, runs[3])
    # an empty fan-out maps nothing, and its fan-in is []
    assert runs[2].state == "success" and runs[2].value(RESULTS_ID) == {"output": 0}, failure_details(home, runs[2])
    assert runs[2].states("total") == ["success"]
    for run, xs in zip(runs, ([1, 2, 3], [5, 0])):
        assert run.state == "success", failure_details(home, run)
        assert run.value(RESULTS_ID) == {"output": [2 * x if x > 1 else -x for x in xs]}
        for i, x in enumerate(xs):
            took_then = x > 1
            assert ("classify.double", i, "success" if took_then else "skipped") in run.tasks
            assert ("classify.note", i, "skipped" if took_then else "success") in run.tasks


def test_kubernetes_mode_mounts_the_artifact_volume_claim(load_example: Any, tmp_path: Path) -> None:
    options = {"mode": "kubernetes", "artifact_root": "/mnt/flowc", "artifact_pvc": "flowc-artifacts-claim"}
    for rel, data in AirflowBackend().emit(load_example("churn", optimize=False), options).files.items():
        (tmp_path / rel).write_bytes(data)
    report = inspect_folder(session_home(), tmp_path)
    assert report["import_errors"] == {}
    pods = [t for t in report["dags"]["churn"]["tasks"].values() if t["operator"] == "KubernetesPodOperator"]
    assert len(pods) == 6
    for pod in pods:
        assert "flowc-artifacts-claim" in str(pod["volumes"]) and "/mnt/flowc" in str(pod["volume_mounts"])
        env = _env(pod)
        assert "FLOWC_SCRATCH" not in env or env["FLOWC_SCRATCH"] == "/mnt/flowc"


def test_constructs_beyond_the_examples_run_like_plain_python(tmp_path: Path) -> None:
    """The construct programs of the Flyte tests (multi-task loop bodies, branch values, nesting,
    files, empty fan-outs), with the results they verified, on Airflow in one process."""
    from collections import Counter

    from flowc import api
    from tests.backends.flyte.test_constructs import PROGRAMS, RUNS
    from tests.conformance.runners import by_member

    loaded = api.load([PROGRAMS / "constructs.py"], root=PROGRAMS)
    assert loaded.ok
    result = AirflowBackend().emit(loaded.program, {"artifact_root": str(tmp_path / "artifacts")})
    assert not result.diagnostics
    folder = tmp_path / "dags"
    folder.mkdir()
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    home = session_home()
    report = run_dags(home, folder, [(pipeline, args) for pipeline, args, _, _ in RUNS], tmp_path)
    assert report.import_errors == {}
    for (pipeline, args, want, ran_want), run in zip(RUNS, report.runs):
        assert run.state == "success", failure_details(home, run)
        assert run.value(RESULTS_ID) == want, (pipeline, args)
        plan = Planner(loaded.program, loaded.program.pipeline(pipeline), 1024).build()
        task_of = plan.tasks_by_step()
        ran = by_member(loaded.program, Counter(task_of[t] or "" for t, _, state in run.tasks if state == "success" and t in task_of))
        assert {k: ran[k] for k in ran_want} == ran_want, (pipeline, args)
