"""The Airflow result cache (option `result_cache`) on real Airflow `dag.test()` runs.

Each task appends its name to a log file when its function runs, so the tests count
executions: a step skipped by the cache leaves no line. Step keys are set by hand on
the IR (`TaskNode.cache_key`), as the optimizer's step-key pass would.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from flowc.backends.airflow.backend import AirflowBackend
from flowc.backends.airflow.plan import RESULTS_ID
from flowc.ir.model import (
    FlowcImport,
    LoopItemBinding,
    OutputBinding,
    ParamBinding,
    Parameter,
    Pipeline,
    PipelineResult,
    Program,
    PythonTask,
    TaskCode,
    TaskNode,
)
from flowc.ir.types import INT, STR, ArtifactType, ListType
from tests.backends.airflow import hand_ir
from tests.backends.airflow.harness import DagRunReport, failure_details, inspect_folder, run_dags, session_home

pytestmark = [pytest.mark.engine, pytest.mark.xdist_group("airflow-engine")]

DATASET = ArtifactType(name="Dataset")


def _counted(name: str, log: Path, params: dict[str, Any], returns: Any, body: str, cache: bool = True) -> PythonTask:
    """A task that logs each run of its function to `log` (`name:x`, x its int input), then runs `body`."""
    shown = "x" if "x" in params else "''"
    note = f"    with open({str(log)!r}, 'a') as fh:\n        fh.write('{name}:%s\\n' % {shown})\n"
    base = hand_ir.task(name, params, returns, "pass", cache=cache)
    function = f"def {name}({', '.join(params)}):\n{note}    {body}\n"
    code = TaskCode(function_name=name, function=function, flowc_imports=(FlowcImport(local="Dataset", attr="Dataset"),))
    return base.model_copy(update={"code": code})


def _tasks(log: Path) -> list[PythonTask]:
    return [
        _counted("double", log, {"x": INT}, INT, "return 2 * x"),
        _counted("plus_one", log, {"x": INT}, INT, "return x + 1", cache=False),
        _counted("write", log, {"x": INT}, DATASET, "ds = Dataset.create()\n    open(ds.path, 'w').write('v=%d' % x)\n    return ds"),
        _counted("read", log, {"ds": DATASET}, STR, "return open(ds.path).read()"),
        _counted("square", log, {"x": INT}, INT, "return x * x"),
    ]


def _pipeline(name: str, step_key: str | None = None) -> Pipeline:
    """n -> double -> plus_one (uncached), double -> write (an artifact) -> read; [square(x) for x in xs]."""
    body = (
        hand_ir.call("double", "double", x=ParamBinding(name="n")).model_copy(update={"cache_key": step_key}),
        hand_ir.call("plus_one", "plus_one", x=OutputBinding(node="double")),
        hand_ir.call("write", "write", x=OutputBinding(node="double")),
        hand_ir.call("read", "read", ds=OutputBinding(node="write")),
        hand_ir.loop("loop_1", ParamBinding(name="xs"), (hand_ir.call("square", "square", x=LoopItemBinding(loop="loop_1")),),
                     result=OutputBinding(node="square")),
    )
    results = (
        PipelineResult(name="plus_one", type=INT, binding=OutputBinding(node="plus_one")),
        PipelineResult(name="read", type=STR, binding=OutputBinding(node="read")),
        PipelineResult(name="squares", type=ListType(item=INT), binding=OutputBinding(node="loop_1")),
    )
    params = (Parameter(name="n", type=INT), Parameter(name="xs", type=ListType(item=INT), has_default=True, default=[3, 4, 3]))
    return Pipeline(name=name, params=params, returns=INT, results=results, body=body, span=hand_ir.span(8, 1))


def _write_dags(folder: Path, program: Program, options: dict[str, str]) -> str:
    result = AirflowBackend().emit(program, {"mode": "python", **options})
    assert result.diagnostics == []
    folder.mkdir(exist_ok=True)
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    return "".join(data.decode() for data in result.files.values())


def _runs(log: Path) -> list[str]:
    """The task functions that ran, with their input (the order of a run's steps is Airflow's)."""
    return log.read_text().split() if log.exists() else []


def _succeeded(run: DagRunReport) -> DagRunReport:
    assert run.state == "success", failure_details(session_home(), run)
    return run


def _entries(store: Path) -> list[Path]:
    return sorted(p for p in store.glob("*/*") if p.is_dir() and not p.name.startswith("."))


def test_a_second_run_reuses_stored_results_and_changed_inputs_or_keys_run_again(tmp_path: Path) -> None:
    log, store, folder = tmp_path / "runs.log", tmp_path / "store", tmp_path / "dags"
    pipelines = (_pipeline("cached"), _pipeline("keyed_a", "k1"), _pipeline("keyed_b", "k1"), _pipeline("keyed_c", "k2"))
    _write_dags(folder, Program(tasks=tuple(_tasks(log)), pipelines=pipelines), {"result_cache": str(store)})
    requests: list[tuple[str, dict[str, Any]]] = [
        ("cached", {"n": 3}), ("cached", {"n": 3}), ("cached", {"n": 5}),
        ("keyed_a", {"n": 7, "xs": []}), ("keyed_b", {"n": 7, "xs": []}), ("keyed_c", {"n": 7, "xs": []}),
    ]
    report = run_dags(session_home(), folder, requests, tmp_path / "artifacts")
    first, second, third, key_a, key_b, key_c = (_succeeded(r) for r in report.runs)
    # Run 1 runs every step, and square(3) once for its two items 3 (the second instance
    # finds the first one's result); run 2 only the uncached plus_one; run 3 (n changed)
    # what depends on n. keyed_a runs double (key k1) on 7 and what follows; keyed_b (k1
    # again) only plus_one; keyed_c (k2) double again, and write and read are shared.
    assert Counter(_runs(log)) == Counter({
        "double:3": 1, "double:5": 1, "double:7": 2,
        "plus_one:6": 2, "plus_one:10": 1, "plus_one:14": 3,
        "write:6": 1, "write:10": 1, "write:14": 1, "read:": 3,
        "square:3": 1, "square:4": 1,
    })
    expected = {"plus_one": 7, "read": "v=6", "squares": [9, 16, 9]}
    assert first.value(RESULTS_ID) == expected
    assert second.value(RESULTS_ID) == expected
    for task_id in ("double", "write", "read"):
        assert _outputs_match(second.value(task_id), first.value(task_id), task_id)
    assert third.value(RESULTS_ID) == {"plus_one": 11, "read": "v=10", "squares": [9, 16, 9]}
    assert key_b.value(RESULTS_ID) == key_a.value(RESULTS_ID) == key_c.value(RESULTS_ID) == {"plus_one": 15, "read": "v=14", "squares": []}
    # cached n=3: double, write, read, square(3), square(4); n=5: double, write, read;
    # keyed_a: double (k1), write and read of 14; keyed_c: double (k2). plus_one: never.
    assert len(_entries(store)) == 5 + 3 + 3 + 1


def _outputs_match(again: Any, first: Any, task_id: str) -> bool:
    """The same outputs; a restored artifact is a copy in the second run's own folder."""
    if task_id != "write":
        return bool(again == first)
    assert again["output"]["path"] != first["output"]["path"]
    assert Path(again["output"]["path"]).read_text() == Path(first["output"]["path"]).read_text() == "v=6"
    return True


def test_without_the_option_every_step_runs_and_nothing_is_stored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log, folder = tmp_path / "runs.log", tmp_path / "dags"
    env_store, compiled_store = tmp_path / "env-store", tmp_path / "compiled-store"
    off = Program(tasks=tuple(_tasks(log)), pipelines=(_pipeline("plain"),))
    text = _write_dags(folder, off, {})
    assert "_FLOWC_RESULT_CACHE" not in text and "_flowc_cached_task(" not in text.split("def _flowc_run_task")[0]
    on = Program(tasks=tuple(_tasks(log)), pipelines=(_pipeline("cached"),))
    _write_dags(folder, on, {"result_cache": "file://" + str(compiled_store)})
    # $FLOWC_RESULT_CACHE moves the store of DAGs compiled with the option, and turns on nothing else.
    monkeypatch.setenv("FLOWC_RESULT_CACHE", str(env_store))
    requests: list[tuple[str, dict[str, Any]]] = [("plain", {"n": 3, "xs": [2]}), ("plain", {"n": 3, "xs": [2]})]
    report = run_dags(session_home(), folder, [*requests, ("cached", {"n": 3, "xs": [2]})], tmp_path / "artifacts")
    assert [_succeeded(r).value(RESULTS_ID) for r in report.runs] == [{"plus_one": 7, "read": "v=6", "squares": [4]}] * 3
    assert Counter(_runs(log)) == Counter({"double:3": 3, "plus_one:6": 3, "write:6": 3, "read:": 3, "square:2": 3})
    assert not compiled_store.exists()
    assert len(_entries(env_store)) == 4  # only the cached DAG's: double, write, read, square


def test_kubernetes_mode_asks_the_cache_before_it_starts_a_pod(tmp_path: Path) -> None:
    log, store, folder = tmp_path / "runs.log", tmp_path / "store", tmp_path / "dags"
    program = Program(tasks=tuple(_tasks(log)), pipelines=(_pipeline("pods"),))
    options = {"mode": "kubernetes", "artifact_root": str(tmp_path / "artifacts"), "result_cache": str(store)}
    result = AirflowBackend().emit(program, options)
    assert result.diagnostics == []
    folder.mkdir()
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    operators = {k: v["operator"] for k, v in inspect_folder(session_home(), folder)["dags"]["pods"]["tasks"].items()}
    assert operators["double"] == operators["square"] == "_FlowcCachedPod"
    assert operators["plus_one"] == "KubernetesPodOperator"  # cache=False: always its pod
    requests: list[tuple[str, dict[str, Any]]] = [("pods", {"n": 3}), ("pods", {"n": 3})]
    first, second = (_succeeded(r) for r in run_dags(session_home(), folder, requests, tmp_path / "artifacts", local_pods=True).runs)
    assert Counter(_runs(log)) == Counter({"double:3": 1, "plus_one:6": 2, "write:6": 1, "read:": 1, "square:3": 1, "square:4": 1})
    assert first.value(RESULTS_ID) == second.value(RESULTS_ID) == {"plus_one": 7, "read": "v=6", "squares": [9, 16, 9]}


@pytest.mark.parametrize("value", ["s3://bucket/cache", "relative/folder"])
def test_result_cache_must_be_a_local_absolute_folder(value: str) -> None:
    program = Program(tasks=tuple(_tasks(Path("/tmp/log"))), pipelines=(_pipeline("cached"),))
    result = AirflowBackend().emit(program, {"result_cache": value})
    assert [d.code for d in result.diagnostics] == ["FLC603"] and result.files == {}


def test_a_labelled_step_shows_its_label_as_the_task_display_name(tmp_path: Path) -> None:
    labelled = TaskNode(id="load_clean", task="double", inputs=hand_ir.call("x", "double", x=hand_ir.const(1)).inputs,
                        label="load+clean+features")
    mapped = hand_ir.call("square", "square", x=LoopItemBinding(loop="loop_1")).model_copy(update={"label": "square+cube"})
    body = (labelled, hand_ir.call("plain", "double", x=hand_ir.const(2)), hand_ir.loop("loop_1", hand_ir.const([1, 2]), (mapped,)))
    pipeline = Pipeline(name="shown", params=(), returns=INT, body=body, span=hand_ir.span(8, 1))
    _write_dags(tmp_path, Program(tasks=tuple(_tasks(tmp_path / "log")), pipelines=(pipeline,)), {})
    report = inspect_folder(session_home(), tmp_path)
    assert report["import_errors"] == {}
    tasks = report["dags"]["shown"]["tasks"]
    assert tasks["load_clean"]["task_display_name"] == "load+clean+features"
    assert tasks["square"]["task_display_name"] == "square+cube"
    assert tasks["plain"]["task_display_name"] == "plain"
