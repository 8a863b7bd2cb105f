"""The construct conformance suite: every catalogue program gives plain Python's answer
on every engine.

Each program under `constructs/` (format: `constructs/README.md`) is compiled by flowc
and run by each engine's own local runner, once per declared run; its outputs and how
often each task ran must equal what the pipeline function does when called as plain
Python. flowc's own local runner, `flowc run`, is the fourth engine (id `flowc-run`, not
marked `engine`: it needs no engine installed). An engine bug is a strict xfail naming the engine's source (`XFAIL`); a flowc
gap is never an xfail (`GAPS` only marks it `flowc_gap`).

Every program runs as flowc compiles it by default (optimized); a program the optimizer
changes also runs unoptimized (`-O0` in the test id), and one it leaves alone gets a
cheap test that its IR is the same either way (`variants.py` says why that suffices).

Airflow runs are batched: the selected programs' DAGs go into dags folders of 12, each
run by one Airflow process (`airflow_batch`), and the Airflow tests share one xdist group.
"""

from __future__ import annotations

import importlib
import re
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.ir.model import Program
from tests.conformance.catalogue import Entry, engines, entries, function_at, module_of, reference, task_functions
from tests.conformance.compare import close
from tests.conformance.engine_gaps import ENGINE_BUGS
from tests.conformance.runners import LOCAL_RUNNERS, RunResult, runner_module
from tests.conformance.variants import OPTIMIZED, UNOPTIMIZED, merged_tasks, optimizer_changes, runs_differ, same_ir, variant_id

ENTRIES = entries()
ENGINES = engines()
BATCHED = ("airflow",)  # run by `airflow_batch`, many programs per Airflow process


def _params(engines: tuple[str, ...]) -> list[Any]:
    params: list[Any] = []
    for entry in ENTRIES:
        for optimize in variants(entry):
            for engine in engines:
                marks: list[Any] = [] if engine in LOCAL_RUNNERS else [pytest.mark.engine]
                if engine in BATCHED:
                    marks.append(pytest.mark.xdist_group("airflow-constructs"))
                bug = entry.xfail.get(f"{engine}{variant_id(optimize)}") or entry.xfail.get(engine)
                if bug:
                    marks.append(pytest.mark.xfail(reason=bug, strict=True))
                if engine in entry.gaps:
                    marks.append(pytest.mark.flowc_gap(entry.gaps[engine]))
                test_id = f"{entry.id}-{engine}{variant_id(optimize)}"
                params.append(pytest.param(entry, engine, optimize, id=test_id, marks=marks))
    return params


@cache
def loaded(entry: Entry, optimize: bool = OPTIMIZED) -> api.Loaded:
    return api.load([entry.path], root=entry.path.parent, optimize=optimize)


def program_of(entry: Entry, optimize: bool = OPTIMIZED) -> Program:
    result = loaded(entry, optimize)
    assert result.ok, api.render(result.diagnostics, result.sources)
    return result.program


@cache
def variants(entry: Entry) -> tuple[bool, ...]:
    """Optimized always; unoptimized too where the optimizer changed the program's IR."""
    changed = optimizer_changes(lambda optimize: program_of(entry, optimize))
    return (OPTIMIZED, UNOPTIMIZED) if changed else (OPTIMIZED,)


def pipeline_name(entry: Entry) -> str:
    """The IR name of the program's pipeline (its `name=` option may differ from the function's)."""
    module = module_of(entry)
    names = [p.name for p in program_of(entry, UNOPTIMIZED).pipelines if p.span and function_at(module, p.span.line) == entry.name]
    assert len(names) == 1, (entry.id, names)
    return names[0]


def function_of_task(entry: Entry) -> dict[str, str]:
    """IR task name -> the user's task function (of the unoptimized program: fused tasks are
    counted by their members, and members are its tasks). Steps flowc generates (condition
    predicates, identity steps) have no function and are not compared."""
    module = module_of(entry)
    functions = task_functions(module)
    found = {t.name: function_at(module, t.span.line) if t.span else None for t in program_of(entry, UNOPTIMIZED).tasks}
    return {task: fn for task, fn in found.items() if fn in functions}


def by_function(entry: Entry, ran: Counter[str]) -> dict[str, int]:
    """Engine run counts (by IR task name) keyed by the user's task function."""
    counts = dict.fromkeys(task_functions(module_of(entry)), 0)
    for task, function in function_of_task(entry).items():
        counts[function] += ran.get(task, 0)
    return counts


def merged_functions(entry: Entry, optimize: bool) -> set[str]:
    """Task functions some of whose calls the optimizer merged (none when unoptimized)."""
    if not optimize:
        return set()
    merged = merged_tasks(program_of(entry, OPTIMIZED), program_of(entry, UNOPTIMIZED))
    return {fn for task, fn in function_of_task(entry).items() if task in merged}


def assert_same(entry: Entry, args: dict[str, Any], got: RunResult, optimize: bool = OPTIMIZED) -> None:
    want = reference(entry, args)
    if want.error is not None:  # plain Python raised: the engine's run must fail, showing that exception and message
        exception, _, message = want.error.partition(": ")
        shown = got.error is not None and exception in got.error and message in got.error
        assert shown, (entry.id, args, want.error, got.outputs, got.error)
    else:
        assert got.error is None, (entry.id, args, got.error)
    names = [o.name for o in program_of(entry, optimize).pipeline(pipeline_name(entry)).outputs] if want.error is None else []
    for name in names:
        assert name in got.outputs, (entry.id, args, name, got.outputs)
        assert close(got.outputs[name], want.outputs[name]), (entry.id, args, name, got.outputs[name], want.outputs[name])
    wrong = runs_differ(want.ran, by_function(entry, got.ran), merged_functions(entry, optimize))
    assert not wrong, (entry.id, args, "task runs (plain Python, engine)", wrong)


# ----------------------------------------------------------------- the catalogue itself


def test_catalogue_is_large_and_names_are_unique() -> None:
    assert len(ENTRIES) >= 60, len(ENTRIES)
    stems = Counter(e.name for e in ENTRIES)
    assert [s for s, n in stems.items() if n > 1] == []
    pipelines = Counter(
        m.group(1) for e in ENTRIES for m in re.finditer(r"@pipeline[^\n]*\n(?:@[^\n]*\n)*def (\w+)", e.path.read_text())
    )
    assert [p for p, n in pipelines.items() if n > 1] == [], "pipeline function names must be unique"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_program_compiles_and_runs_as_plain_python(entry: Entry) -> None:
    for engine in (*entry.xfail, *entry.gaps):
        assert engine.removesuffix(variant_id(UNOPTIMIZED)) in ENGINES, (entry.id, engine)
    for engine, reason in entry.xfail.items():
        known = reason in ENGINE_BUGS.values() or re.search(r"\w+\.py\b", reason)
        assert known, f"{entry.id}: XFAIL names an engine bug of engine_gaps.py or the engine's source file ({engine})"
    program_of(entry)
    for args in entry.runs:
        reference(entry, args)


@pytest.mark.parametrize("entry", [e for e in ENTRIES if variants(e) == (OPTIMIZED,)], ids=lambda e: e.id)
def test_optimizer_leaves_program_alone(entry: Entry) -> None:
    """Only the optimized variant of this program runs on the engines: without the passes
    its IR is the same (cache keys aside), so each engine would run the same steps."""
    assert same_ir(program_of(entry, OPTIMIZED), program_of(entry, UNOPTIMIZED))


# ----------------------------------------------------------------- on the engines


@pytest.mark.parametrize(("entry", "engine", "optimize"), _params(tuple(e for e in ENGINES if e not in BATCHED)))
def test_program_on_engine(entry: Entry, engine: str, optimize: bool, tmp_path: Path) -> None:
    runner = importlib.import_module(runner_module(engine))
    program, pipeline = program_of(entry, optimize), pipeline_name(entry)
    for i, args in enumerate(entry.runs):
        assert_same(entry, args, runner.run(program, pipeline, dict(args), tmp_path / f"run{i}"), optimize)


@pytest.mark.parametrize(("entry", "engine", "optimize"), _params(tuple(e for e in ENGINES if e in BATCHED)))
def test_program_on_airflow(entry: Entry, engine: str, optimize: bool, airflow_batch: Any) -> None:
    del engine
    for i in range(len(entry.runs)):
        assert_same(entry, entry.runs[i], airflow_batch.result(entry, optimize, i), optimize)
