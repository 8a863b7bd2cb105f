"""The reader on the shipped examples: structure, round-trip, determinism, no execution."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flowc.dsl.reader import read_paths
from flowc.ir.command import template_text
from flowc.ir.model import (
    ConditionNode,
    ConstBinding,
    ContainerTask,
    LoopItemBinding,
    LoopNode,
    OutputBinding,
    ParamBinding,
    PipelineNode,
    Program,
    PythonTask,
    TaskNode,
)
from flowc.ir.types import FLOAT, STR, ArtifactType, ListType, NamedTupleType, TupleType
from tests.conftest import EXAMPLE_FILES, EXAMPLES, ROOT
from tests.dsl.helpers import condition, loop, node


@pytest.fixture(scope="module")
def programs() -> dict[str, Program]:
    out: dict[str, Program] = {}
    for name, path in EXAMPLE_FILES.items():
        result = read_paths([path], root=EXAMPLES)
        assert not result.diagnostics, result.diagnostics
        out[name] = result.program
    return out


@pytest.mark.parametrize("name", sorted(EXAMPLE_FILES))
def test_ir_json_round_trips(programs: dict[str, Program], name: str) -> None:
    program = programs[name]
    assert Program.model_validate_json(program.model_dump_json()) == program


def test_churn_structure(programs: dict[str, Program]) -> None:
    p = programs["churn"].pipeline("churn")
    assert p.schedule == "0 3 * * *" and p.doc and p.doc.startswith("Train and publish the churn model.\n\nArgs:")
    assert [n.id for n in p.body] == ["load", "split", "loop_1", "pick", "evaluate", "cond_1"]
    split = node(p, "split")
    assert isinstance(split, TaskNode)
    assert split.inputs[0].binding == OutputBinding(node="load", span=split.inputs[0].binding.span)
    fan = loop(p, "loop_1")
    assert fan.var == "r" and isinstance(fan.items, ParamBinding) and fan.items.name == "lrs"
    assert fan.item_type == FLOAT and fan.result_type == ArtifactType(name="Model")
    train = fan.body[0]
    assert isinstance(train, TaskNode)
    bindings = {i.name: i.binding for i in train.inputs}
    assert isinstance(bindings["data"], OutputBinding) and bindings["data"].field == "train"
    assert isinstance(bindings["lr"], LoopItemBinding) and bindings["lr"].loop == "loop_1"
    pick = node(p, "pick")
    assert isinstance(pick, TaskNode) and pick.inputs[0].binding.kind == "output"
    assert isinstance(pick.inputs[0].binding, OutputBinding) and pick.inputs[0].binding.node == "loop_1"
    gate = condition(p, "cond_1")
    assert gate.branches[0].condition is not None and gate.branches[0].condition.kind == "compare"
    assert [n.id for n in gate.branches[0].body] == ["publish"]
    assert p.results[0].binding == OutputBinding(node="evaluate", span=p.results[0].binding.span)


def test_churn_tasks(programs: dict[str, Program]) -> None:
    program = programs["churn"]
    train = program.task("train")
    assert isinstance(train, PythonTask)
    assert train.options.timeout_seconds == 1800 and train.options.resources.cpu == "2"
    assert train.options.cache is True
    assert "def read_rows" in train.code.preamble and "EPOCHS = 40" in train.code.preamble
    assert "def write_rows" not in train.code.preamble  # not used by train
    assert "from flowc" not in train.code.preamble and not train.code.function.startswith("@")
    assert {(i.local, i.attr) for i in train.code.flowc_imports} == {("Dataset", "Dataset"), ("Model", "Model")}
    split = program.task("split")
    assert isinstance(split, PythonTask) and isinstance(split.returns, NamedTupleType) and [f.name for f in split.returns.fields] == ["train", "test"]
    assert "class Split(NamedTuple)" in split.code.preamble and "from typing import NamedTuple" in split.code.preamble
    publish = program.task("publish")
    assert isinstance(publish, ContainerTask) and [template_text(a) for a in publish.command[-2:]] == ["{model}", "{tag}"]
    assert publish.options.env == (("REGISTRY", "ghcr.io/acme/models"),)


def test_grid_search_nested_fan_out_and_unpacking(programs: dict[str, Program]) -> None:
    p = programs["grid_search"].pipeline("grid_search")
    assert p.returns == TupleType(items=(FLOAT, p.returns.items[1]))  # type: ignore[union-attr]
    outer = loop(p, "loop_1")
    inner = outer.body[0]
    assert isinstance(inner, LoopNode) and inner.id == "loop_2"
    assert outer.result_type == ListType(item=FLOAT)
    assert isinstance(outer.result, OutputBinding) and outer.result.node == "loop_2"
    assert [r.name for r in p.results] == ["output_0", "output_1"]
    assert [(r.binding.kind, getattr(r.binding, "field", None)) for r in p.results] == [
        ("output", "best"),
        ("output", "runs"),
    ]
    gate = condition(p, "cond_1")
    cond = gate.branches[0].condition
    assert cond is not None and cond.kind == "bool" and cond.op == "or"  # type: ignore[union-attr]
    noise = programs["grid_search"].task("simulate").param("noise")
    assert noise is not None and noise.default == -0.25


def test_batch_inference_after_and_for(programs: dict[str, Program]) -> None:
    p = programs["batch_inference"].pipeline("batch_inference")
    audit_loop = next(n for n in p.body if isinstance(n, LoopNode) and n.result is None)
    assert isinstance(audit_loop.body[0], TaskNode) and audit_loop.body[0].task == "audit"
    report = node(p, "report")
    assert isinstance(report, TaskNode) and report.after == ("loop_1",)
    plan = programs["batch_inference"].task("plan_shards")
    prefix = plan.param("prefix")
    assert prefix is not None and prefix.default == "shard"
    audit = programs["batch_inference"].task("audit")
    assert audit.options.secrets == ("audit-token",) and audit.options.env == (("AUDIT_LEVEL", "full"),)


def test_weekly_report_imports_sub_pipelines_and_branch_values(programs: dict[str, Program]) -> None:
    program = programs["weekly_report"]
    assert {t.module for t in program.tasks} == {"reporting.weekly", "reporting.steps"}
    region = program.pipeline("region_report")
    fetch = node(region, "fetch_sales")
    assert isinstance(fetch, TaskNode) and [i.name for i in fetch.inputs] == ["region", "day"]
    weekly = program.pipeline("weekly_report")
    sub = loop(weekly, "loop_1").body[0]
    assert isinstance(sub, PipelineNode) and sub.pipeline == "region_report"
    branches = condition(weekly, "cond_1")
    assert len(branches.branches) == 3 and branches.branches[-1].condition is None
    assert [o.name for o in branches.outputs] == ["text"] and branches.outputs[0].type == STR
    archive = node(weekly, "archive")
    assert isinstance(archive, TaskNode) and archive.inputs[0].binding == OutputBinding(
        node="cond_1", field="text", span=archive.inputs[0].binding.span
    )
    announce = node(weekly, "announce_2")
    assert isinstance(announce, TaskNode) and announce.after == ("archive",)
    second = condition(weekly, "cond_2").branches[0].condition
    assert second is not None and second.kind == "bool"


def test_imported_pipeline_is_not_an_entry_unless_given(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "subs.py").write_text(
        "from flowc import pipeline, task\n\n@task\ndef one() -> int: ...\n\n@pipeline\ndef inner() -> int:\n    return one()\n"
    )
    (tmp_path / "main.py").write_text(
        "import pkg.subs as s\nfrom flowc import pipeline\n\n@pipeline\ndef outer() -> int:\n    return s.inner()\n"
    )
    result = read_paths([tmp_path / "main.py"])
    assert not result.diagnostics
    assert {p.name: p.entry for p in result.program.pipelines} == {"outer": True, "inner": False}
    given = str(tmp_path / "pkg" / ".." / "pkg" / "subs.py")  # imported before its turn, shown as given
    both = read_paths([tmp_path / "main.py", given])
    assert {p.name: p.entry for p in both.program.pipelines} == {"outer": True, "inner": True}
    inner = both.program.pipeline("inner")
    assert inner.span is not None and inner.span.path == given


def test_spans_keep_the_paths_users_gave(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = read_paths(["examples/reporting/weekly.py"], root="examples")
    paths = {t.name: t.span.path for t in result.program.tasks if t.span}
    assert paths["announce"] == "examples/reporting/weekly.py"
    assert paths["fetch_sales"] == os.path.join("examples", "reporting", "steps.py")
    absolute = read_paths([EXAMPLE_FILES["weekly_report"]])
    spans = {t.name: t.span for t in absolute.program.tasks}
    assert spans["announce"] is not None and spans["announce"].path == str(EXAMPLE_FILES["weekly_report"])


def test_ir_is_identical_under_different_hash_seeds() -> None:
    script = (
        "import sys; from flowc.dsl.reader import read_paths\n"
        "from tests.conftest import EXAMPLE_FILES, EXAMPLES\n"
        "out = [read_paths([p], root=EXAMPLES).program.model_dump_json() for _, p in sorted(EXAMPLE_FILES.items())]\n"
        "sys.stdout.write('\\n'.join(out))\n"
    )
    outputs = []
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == outputs[2]
    assert json.loads(outputs[0].splitlines()[0])["pipelines"]


def test_literal_defaults_survive(programs: dict[str, Program]) -> None:
    churn = programs["churn"].pipeline("churn")
    lrs = churn.param("lrs")
    assert lrs is not None and lrs.default == [0.5, 5.0] and lrs.type == ListType(item=FLOAT)
    etl = programs["feature_etl"].pipeline("feature_etl")
    raw = etl.param("raw")
    assert raw is not None and isinstance(raw.default, str) and raw.default.startswith("u1,click")
    body_const = [i.binding for n in churn.body if isinstance(n, ConditionNode) for b in n.branches for t in b.body if isinstance(t, TaskNode) for i in t.inputs]
    assert any(isinstance(b, ConstBinding) and b.value == "prod" for b in body_const)


@pytest.mark.parametrize("name", sorted(EXAMPLE_FILES))
def test_every_task_code_is_self_contained(programs: dict[str, Program], name: str) -> None:
    """Preamble + function mention no module-level name they do not define, but builtins and flowc's."""
    import ast
    import builtins

    from flowc.dsl.reader.freenames import free_names

    for task in programs[name].tasks:
        if not isinstance(task, PythonTask):
            continue
        module = ast.parse(task.code.preamble + "\n" + task.code.function)
        defined = {n for stmt in module.body for n in _bound(stmt)}
        flowc_names = {i.local for i in task.code.flowc_imports}
        for stmt in module.body:
            missing = free_names(stmt) - defined - flowc_names - set(dir(builtins))
            assert not missing, (task.name, missing)


def _bound(stmt: object) -> set[str]:
    import ast

    assert isinstance(stmt, ast.stmt)
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return {stmt.name}
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return {a.asname or a.name.split(".")[0] for a in stmt.names}
    return {n.id for n in ast.walk(stmt) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
