"""The Airflow backend without Airflow: diagnostics, options, safety, determinism, snapshots."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest
from syrupy.assertion import SnapshotAssertion

from flowc import api
from flowc.backends.airflow.backend import AirflowBackend
from flowc.backends.airflow.options import parse_airflow_options
from flowc.backends.airflow.plan import Planner
from flowc.backends.airflow.steps import Guard, TaskStep
from flowc.ir.model import Program
from tests.backends.airflow import hand_ir
from tests.backends.airflow.conftest import MODES
from tests.conftest import EXAMPLE_FILES, EXAMPLES, ROOT

ALLOWED_IMPORTS = ("__future__", "datetime", "airflow.sdk", "airflow.providers.standard.", "airflow.providers.cncf.kubernetes.", "kubernetes.client")


def emit(program: Program, **options: object) -> tuple[dict[str, str], list[str]]:
    result = AirflowBackend().emit(program, options)
    return {k: v.decode() for k, v in result.files.items()}, [f"{d.code}@{d.span.line if d.span else 0}" for d in result.diagnostics]


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("example", sorted(EXAMPLE_FILES))
def test_dag_file_snapshot(example: str, mode: str, load_example: object, snapshot: SnapshotAssertion) -> None:
    program = load_example(example)  # type: ignore[operator]
    result = AirflowBackend().emit(program, {"mode": mode})
    assert all(d.code == "FLC605" for d in result.diagnostics), result.diagnostics  # python mode warns on secrets=
    for rel, data in sorted(result.files.items()):
        assert data.decode() == snapshot(name=f"{mode}-{rel}")


def test_literal_fan_out_wider_than_max_map_length_is_located_at_the_loop() -> None:
    files, diags = emit(hand_ir.echo_program(5), max_map_length="4")
    assert diags == ["FLC601@20"] and files == {}
    files, diags = emit(hand_ir.echo_program(4), max_map_length=4)
    assert diags == [] and list(files) == ["hand.py"]


def test_default_max_map_length_is_1024() -> None:
    assert emit(hand_ir.echo_program(1025))[1] == ["FLC601@20"]
    assert emit(hand_ir.echo_program(1024))[1] == []


def test_condition_inside_a_fan_out_chooses_per_instance() -> None:
    program = hand_ir.condition_in_loop()
    files, diags = emit(program)
    assert diags == [] and "pre_execute=_flowc_guard" in files["hand.py"]
    plan = Planner(program, program.pipelines[0], 1024).build()
    choose = next(s for s in plan.steps if s.kind == "choose")
    echo = next(s for s in plan.steps if isinstance(s, TaskStep) and s.task == "echo")
    assert choose.loop == echo.loop == "loop_1"
    assert echo.guards == (Guard("cond_1", 0, "loop_1"),) and echo.trigger_rule == "none_failed"


@pytest.mark.parametrize("name", ["kubernetes", "json", "airflow"])
def test_pipeline_named_like_a_module_is_a_diagnostic(name: str) -> None:
    program = hand_ir.echo_program(2)
    renamed = program.model_copy(update={"pipelines": (program.pipelines[0].model_copy(update={"name": name}),)})
    assert emit(renamed)[1] == ["FLC602@8"]


def test_scheduled_pipeline_with_a_required_parameter_is_a_diagnostic() -> None:
    assert emit(hand_ir.scheduled_with_required())[1] == ["FLC604@9"]


@pytest.mark.parametrize(
    ("raw", "field", "value"),
    [
        ({"mode": "kubernetes"}, "mode", "kubernetes"),
        ({"mode": "KUBERNETES"}, "mode", "kubernetes"),
        ({"max_map_length": "12"}, "max_map_length", 12),
        ({"max_map_length": 12}, "max_map_length", 12),
        ({"tags": "a, b"}, "tags", ("a", "b")),
        ({"tags": ["x"]}, "tags", ("x",)),
        ({"artifact_root": "/data/flowc"}, "artifact_root", "/data/flowc"),
    ],
)
def test_options_accept_cli_strings_and_json_values(raw: dict[str, object], field: str, value: object) -> None:
    opts, diags = parse_airflow_options(raw)
    assert diags == [] and getattr(opts, field) == value


@pytest.mark.parametrize(
    ("raw", "code"),
    [({"mode": "docker"}, "FLC811"), ({"max_map_length": "many"}, "FLC811"), ({"max_map_length": 0}, "FLC811"),
     ({"max_map_length": "1e400"}, "FLC811"), ({"colour": "blue"}, "FLC810"), ({"artifact_pvc": "claim"}, "FLC603"),
     ({"artifact_root": '/a"b'}, "FLC603")],
)
def test_bad_options_are_diagnostics(raw: dict[str, object], code: str) -> None:
    result = api.emit(hand_ir.echo_program(2), "airflow", raw)
    assert [d.code for d in result.diagnostics] == [code] and not result.files


def _module_constant(tree: ast.Module, name: str) -> ast.expr:
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
            return node.value
    raise KeyError(name)


@pytest.mark.parametrize("mode", MODES)
def test_user_strings_enter_generated_code_only_as_literals(mode: str) -> None:
    files, diags = emit(hand_ir.hostile_strings(), mode=mode)
    assert not diags
    text = files["hand.py"]
    assert text.isascii()
    tree = ast.parse(text)
    assert ast.get_docstring(tree, clean=False) is not None and hand_ir.NASTY in (ast.get_docstring(tree, clean=False) or "")
    steps = ast.literal_eval(_module_constant(tree, "_FLOWC_STEPS"))
    assert json.loads(steps["echo"])["inputs"] == [["x", ["const", hand_ir.NASTY]]]
    params = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "Param"]
    [param] = params
    assert ast.literal_eval(param.args[0]) == hand_ir.NASTY
    assert {k.arg: ast.literal_eval(k.value) for k in param.keywords}["description"] == hand_ir.NASTY
    if mode == "kubernetes":  # a templated field: Jinja must never see the user's text
        literals = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "literal"]
        assert any(isinstance(n.args[0], ast.Constant) and n.args[0].value == hand_ir.NASTY for n in literals)


@pytest.mark.parametrize("mode", MODES)
def test_dag_file_top_level_is_airflow_imports_and_constants(mode: str, compiled: dict[str, dict[str, bytes]]) -> None:
    for rel, data in compiled[mode].items():
        tree = ast.parse(data)
        for node in tree.body:
            if isinstance(node, ast.ImportFrom):
                assert (node.module or "").startswith(ALLOWED_IMPORTS), (rel, node.module)
            elif isinstance(node, ast.Assign):
                names = [t.id for t in node.targets if isinstance(t, ast.Name)]
                assert names and all(n.startswith("_FLOWC_") for n in names), (rel, names)
                _assert_constant(node.value)
            elif isinstance(node, (ast.FunctionDef, ast.ClassDef)):
                assert node.name.startswith(("_flowc", "_Flowc")), (rel, node.name)
            elif isinstance(node, ast.With):
                [item] = node.items
                assert isinstance(item.context_expr, ast.Call) and getattr(item.context_expr.func, "id", "") == "DAG"
            else:
                assert isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant), (rel, ast.dump(node)[:80])
            assert not isinstance(node, ast.Import), rel


def _assert_constant(value: ast.expr) -> None:
    ast.literal_eval(value)  # raises for anything but literals (dicts, strings, adjacent string parts)


def test_task_program_is_self_contained_and_runs_without_flowc(tmp_path: Path) -> None:
    """A task's program runs in a bare interpreter (python -I) with inputs from $FLOWC_INPUTS."""
    from flowc import api
    from flowc.backends.airflow.sources import task_code, task_runtime

    loaded = api.load([EXAMPLE_FILES["feature_etl"]], root=EXAMPLES)
    featurize = loaded.program.task("featurize")
    assert featurize.kind == "python"
    program = task_runtime() + task_code(featurize) + "\n_flowc_pod_entry()\n"
    records = [{"user": "u1", "action": "click", "count": "3"}, {"user": "u1", "action": "view", "count": "2"}]
    env = {"FLOWC_INPUTS": json.dumps({"records": records}), "FLOWC_XCOM_DIR": str(tmp_path), "FLOWC_SCRATCH": str(tmp_path)}
    subprocess.run([sys.executable, "-I", "-c", program], env=env, check=True, cwd=tmp_path)
    assert json.loads((tmp_path / "return.json").read_text()) == {"output": {"u1": [3, 2]}}


def test_compile_is_deterministic_and_never_imports_an_engine(tmp_path: Path) -> None:
    script = (
        "import sys, json, hashlib\n"
        "from flowc import api\n"
        f"paths = {[str(p) for p in EXAMPLE_FILES.values()]!r}\n"
        f"loaded = api.load(paths, root={str(EXAMPLES)!r})\n"
        "digest = hashlib.sha256()\n"
        "for mode in ('python', 'kubernetes'):\n"
        "    files = api.emit(loaded.program, 'airflow', {'mode': mode}).files\n"
        "    for name in sorted(files): digest.update(name.encode() + files[name])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('airflow', 'kfp', 'flytekit', 'kubernetes', 'airflow_client'))\n"
        "print(json.dumps([digest.hexdigest(), heavy]))\n"
    )
    outs = []
    for seed in ("0", "1234"):
        env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
        proc = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, cwd=ROOT, check=True)
        outs.append(json.loads(proc.stdout))
    assert outs[0] == outs[1]
    assert outs[0][1] == []


def test_plan_flattens_nested_fan_out_and_sub_pipelines(load_example: object) -> None:
    grid = load_example("grid_search", optimize=False)  # type: ignore[operator]
    plan = Planner(grid, grid.pipeline("grid_search"), 1024).build()
    [outer, inner] = plan.loops
    assert (plan.loops[outer].depth, plan.loops[inner].depth, plan.loops[inner].parent) == (1, 2, outer)
    simulate = next(s for s in plan.steps if isinstance(s, TaskStep) and s.task == "simulate")
    assert simulate.loop == inner
    weekly = load_example("weekly_report", optimize=False)  # type: ignore[operator]
    plan = Planner(weekly, weekly.pipeline("weekly_report"), 1024).build()
    ids = [s.task_id for s in plan.steps]
    assert "region_report.fetch_sales" in ids and ("region_report",) in plan.groups
    join = next(s for s in plan.steps if s.kind == "join")
    assert join.trigger_rule == "none_failed_min_one_success"
