"""Conditions mean what they mean in Python, on every engine.

Each program in `constructs/conditions/` is one condition construct (truthiness by
type, `in`/`not in` against runtime lists, `not`/`and`/`or` nested, comparisons
with None, an `elif` Python would not evaluate). `RUNS` gives the arguments of each
run and the branch Python takes; the reference test checks that table against the
program called as plain Python, and the engine test runs every program on kfp.local,
Airflow's `dag.test()` and flytekit's local execution through the conformance
runners (Airflow's runs of one program share one `dag.test()` process).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.ir.model import Program, TaskNode, iter_nodes
from tests.conformance.expected import Case

CONSTRUCTS = Path(__file__).parent / "constructs" / "conditions"
PACKAGE = "tests.conformance.constructs.conditions"
BACKENDS = ("kfp", "airflow", "flyte")


@dataclass(frozen=True)
class Run:
    """One run of a program: its arguments and the value Python returns."""

    program: str
    args: dict[str, Any] = field(default_factory=lambda: {})
    output: Any = ""
    kfp_gap: str | None = None  # a kfp.local bug this run meets, naming its place in the kfp source


# kfp.local cannot start a run with a None parameter, neither as an argument nor as a default.
KFP_NONE_ARGUMENT = (
    "kfp SDK refuses None as a pipeline argument: kfp/dsl/types/type_utils.py, _get_type_string_from_component_argument"
)
KFP_NONE_DEFAULT = (
    "kfp.local: a None default raises 'Unknown value type': "
    "kfp/local/orchestrator/orchestrator_utils.py, join_user_inputs_and_defaults"
)


RUNS: tuple[Run, ...] = (
    Run("truthy_int", {}, "else"),
    Run("truthy_int", {"n": 3}, "then"),
    Run("truthy_int", {"n": None}, "else", KFP_NONE_ARGUMENT),
    Run("truthy_str", {}, "else"),
    Run("truthy_str", {"s": "abc"}, "then"),
    Run("truthy_dict", {}, "else"),
    Run("truthy_dict", {"d": {"a": 1}}, "then"),
    Run("truthy_list_output", {}, "else"),
    Run("truthy_list_output", {"n": 1}, "then"),
    Run("truthy_float", {}, "zero"),
    Run("truthy_float", {"f": 2.5}, "nonzero"),
    Run("in_list_param", {}, "allowed"),
    Run("in_list_param", {"pick": "z"}, "refused"),
    Run("not_in_list_output", {}, "present"),
    Run("not_in_list_output", {"x": 5}, "missing"),
    Run("nested_bool", {}, "no"),
    Run("nested_bool", {"b": False}, "yes"),
    Run("nested_bool", {"c": True}, "yes"),
    Run("none_compare", {}, "unset", KFP_NONE_DEFAULT),
    Run("none_compare", {"x": 0}, "set"),
    Run("elif_short_circuit", {}, "none", KFP_NONE_DEFAULT),
    Run("elif_short_circuit", {"n": 3}, "big"),
    Run("elif_short_circuit", {"n": 0}, "small"),
    Run("predicate_in_fanout", {}, ["none", "some", "none"]),
    Run("predicate_in_fanout", {"groups": [[1, 2]]}, ["some"]),
)
PROGRAMS = sorted({r.program for r in RUNS})


def _runs_of(program: str, backend: str | None = None) -> list[Run]:
    """The runs of `program` an engine's local runner can start (all of them when `backend` is None)."""
    return [r for r in RUNS if r.program == program and not (backend == "kfp" and r.kfp_gap)]


def _load(program: str) -> Program:
    loaded = api.load([CONSTRUCTS / f"{program}.py"], root=CONSTRUCTS)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def test_every_program_has_runs() -> None:
    assert sorted(p.stem for p in CONSTRUCTS.glob("[a-z]*.py")) == PROGRAMS


@pytest.mark.parametrize("run", RUNS, ids=lambda r: f"{r.program}-{r.args}")
def test_runs_hold_in_plain_python(run: Run) -> None:
    module = importlib.import_module(f"{PACKAGE}.{run.program}")
    assert getattr(module, run.program)(**run.args) == run.output


def test_what_no_engine_expresses_becomes_one_predicate_step() -> None:
    """`if s:` is `s != ""` for every engine; `if d:` and `x in list_param` are computed by a generated step."""
    steps = {p: [n.id for n in iter_nodes(_load(p).pipelines[0].body) if isinstance(n, TaskNode) and n.id.endswith("_predicate")]
             for p in PROGRAMS}
    assert steps["truthy_str"] == [] and steps["truthy_float"] == [] and steps["nested_bool"] == []
    assert steps["truthy_dict"] == ["cond_1_predicate"] and steps["in_list_param"] == ["cond_1_predicate"]
    assert steps["none_compare"] == ["cond_1_predicate"]
    assert steps["elif_short_circuit"] == ["cond_1_predicate", "cond_1_arm_2_predicate"]


def _engine_outputs(backend: str, program: str, tmp_path: Path) -> list[Any]:
    """The pipeline's output for each run of `program` on `backend`."""
    ir = _load(program)
    runs = _runs_of(program, backend)
    if backend == "airflow":
        return _airflow_outputs(ir, program, runs, tmp_path)
    runner = importlib.import_module(f"tests.conformance.runners.{backend}")
    out: list[Any] = []
    for i, run in enumerate(runs):
        case = Case(f"{program}-{i}", program, program, run.args, {"output": run.output})
        workdir = tmp_path / str(i)
        workdir.mkdir()
        out.append(runner.run(ir, case, workdir).outputs["output"])
    return out


def _airflow_outputs(ir: Program, program: str, runs: list[Run], tmp_path: Path) -> list[Any]:
    from flowc.backends.airflow.backend import AirflowBackend
    from flowc.backends.airflow.plan import RESULTS_ID
    from flowc.ir.names import airflow_name
    from tests.backends.airflow.harness import failure_details, run_dags, session_home

    folder = tmp_path / "dags"
    folder.mkdir()
    result = AirflowBackend().emit(ir, {})
    assert not result.diagnostics, result.diagnostics
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    home = session_home()
    report = run_dags(home, folder, [(airflow_name(program), dict(r.args)) for r in runs], tmp_path / "artifacts")
    assert not report.import_errors, report.import_errors
    outputs: list[Any] = []
    for dag_run in report.runs:
        assert dag_run.state == "success", failure_details(home, dag_run)
        outputs.append((dag_run.value(RESULTS_ID) or {}).get("output"))
    return outputs


@pytest.mark.engine
@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("program", PROGRAMS)
def test_program_gives_pythons_answer_on_engine(backend: str, program: str, tmp_path: Path) -> None:
    runs = _runs_of(program, backend)
    got = _engine_outputs(backend, program, tmp_path)
    assert [(r.args, g) for r, g in zip(runs, got, strict=True)] == [(r.args, r.output) for r in runs]


KFP_GAPS = [pytest.param(r, marks=pytest.mark.xfail(strict=True, raises=ValueError, reason=r.kfp_gap)) for r in RUNS if r.kfp_gap]


@pytest.mark.engine
@pytest.mark.parametrize("run", KFP_GAPS, ids=lambda r: f"{r.program}-{r.args}")
def test_kfp_local_gaps(run: Run, tmp_path: Path) -> None:
    from tests.conformance.runners import kfp

    case = Case(run.program, run.program, run.program, run.args, {"output": run.output})
    assert kfp.run(_load(run.program), case, tmp_path).outputs["output"] == run.output
