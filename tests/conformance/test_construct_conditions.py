"""Conditions mean what they mean in Python, on every engine.

Each program in `constructs/conditions/` is one condition construct (truthiness by
type, `in`/`not in` against runtime lists, `not`/`and`/`or` nested, comparisons
with None, an `elif` Python would not evaluate), in the catalogue's format
(`constructs/README.md` on the suite's branch): the file's `RUNS` are the arguments of
each run, `XFAIL` names an engine bug. `EXPECTED` here is the branch Python takes in
each run, written down independently of the programs; the reference test checks it
against the program called as plain Python. The construct suite
(`test_constructs.py`) runs every program on kfp.local, Airflow's `dag.test()` and
flytekit's local execution and compares each with the same plain-Python run.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.ir.model import Program, TaskNode, iter_nodes
from tests.conformance.catalogue import declared

CONSTRUCTS = Path(__file__).parent / "constructs" / "conditions"
PACKAGE = "tests.conformance.constructs.conditions"


# Python's answer for each run of each program, in the order of the program's `RUNS`.
EXPECTED: dict[str, list[Any]] = {
    "truthy_int": ["else", "then"],
    "truthy_int_none": ["else"],
    "truthy_str": ["else", "then"],
    "truthy_dict": ["else", "then"],
    "truthy_list_output": ["else", "then"],
    "truthy_float": ["zero", "nonzero"],
    "in_list_param": ["allowed", "refused"],
    "not_in_list_output": ["present", "missing"],
    "nested_bool": ["no", "yes", "yes"],
    "none_compare": ["unset", "set", "set"],
    "elif_short_circuit": ["none", "big", "small"],
    "predicate_in_fanout": [["none", "some", "none"], ["some"]],
}
PROGRAMS = sorted(EXPECTED)


@dataclass(frozen=True)
class Run:
    """One run of a program: its arguments and the value Python returns."""

    program: str
    args: dict[str, Any] = field(default_factory=lambda: {})
    output: Any = ""


def _declared(program: str, name: str, default: Any) -> Any:
    """A module-level literal of a program file (`RUNS`, `XFAIL`), read without running it."""
    return declared(CONSTRUCTS / f"{program}.py", (name,)).get(name, default)


def _runs_of(program: str) -> list[Run]:
    args: list[dict[str, Any]] = _declared(program, "RUNS", [{}])
    return [Run(program, a, out) for a, out in zip(args, EXPECTED[program], strict=True)]


RUNS: tuple[Run, ...] = tuple(r for p in PROGRAMS for r in _runs_of(p))


def _load(program: str, optimize: bool = True) -> Program:
    loaded = api.load([CONSTRUCTS / f"{program}.py"], root=CONSTRUCTS, optimize=optimize)
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
    lowered = {p: _load(p, optimize=False) for p in PROGRAMS}  # lowering's steps, before fusion
    steps = {p: [n.id for n in iter_nodes(lowered[p].pipelines[0].body) if isinstance(n, TaskNode) and n.id.endswith("_predicate")]
             for p in PROGRAMS}
    assert steps["truthy_str"] == [] and steps["truthy_float"] == [] and steps["nested_bool"] == []
    assert steps["truthy_dict"] == ["cond_1_predicate"] and steps["in_list_param"] == ["cond_1_predicate"]
    assert steps["none_compare"] == ["cond_1_predicate"]
    assert steps["elif_short_circuit"] == ["cond_1_predicate", "cond_1_arm_2_predicate"]
