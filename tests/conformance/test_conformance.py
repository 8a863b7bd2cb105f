"""The conformance suite: every example, on every engine, gives the same results.

Each case in `expected.py` is compiled by flowc and run by the engine's own runner
(kfp.local, Airflow's `dag.test()`, flytekit local execution) and by flowc's own
local runner, `flowc run` (engine id `flowc-run`); outputs, task run
counts and branches not taken must match. A reference run calls the example's
pipeline function as plain Python, so the expected table itself is checked.

Each case runs as flowc compiles it by default (optimized), and also unoptimized
(`-O0` in the test id) when the optimizer changes its example's IR (`variants.py`).
"""

from __future__ import annotations

import importlib
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.ir.model import Program
from tests.conformance.catalogue import engines
from tests.conformance.compare import close
from tests.conformance.expected import CASES, Case
from tests.conformance.runners import LOCAL_RUNNERS, runner_module
from tests.conformance.variants import OPTIMIZED, UNOPTIMIZED, merged_tasks, optimizer_changes, runs_differ, variant_id
from tests.conftest import EXAMPLE_FILES, EXAMPLES

ENGINES = engines()  # the three backends' local runners, then `flowc-run`


# Container tasks have no Python body; in the reference run these stand in for
# their commands (each mirrors the shell command in the example).
CONTAINER_STANDINS: dict[tuple[str, str], Any] = {
    ("batch_inference", "score_shard"): lambda shard: len(shard),  # pyright: ignore
}


def _reference_outputs(case: Case, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Run the pipeline function itself as plain Python (tests may run user code)."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    rel = EXAMPLE_FILES[case.example].relative_to(EXAMPLES).with_suffix("")
    module = importlib.import_module(".".join(rel.parts))
    for (example, name), standin in CONTAINER_STANDINS.items():
        if example == case.example:
            monkeypatch.setattr(module, name, standin)
    result = getattr(module, case.pipeline)(**case.args)
    if isinstance(result, tuple) and not hasattr(result, "_fields"):
        return {f"output_{i}": v for i, v in enumerate(result)}  # pyright: ignore
    return {"output": result}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_expected_values_hold_in_plain_python(case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    got = _reference_outputs(case, monkeypatch)
    assert got.keys() == case.outputs.keys()
    for name, want in case.outputs.items():
        assert close(got[name], want), (name, got[name], want)


@cache
def example_program(example: str, optimize: bool) -> Program:
    loaded = api.load([EXAMPLE_FILES[example]], root=EXAMPLES, optimize=optimize)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def _variants() -> list[Any]:
    """Each case optimized, and unoptimized too where the optimizer changes its example."""
    params: list[Any] = []
    for case in CASES:
        changed = optimizer_changes(lambda optimize, c=case: example_program(c.example, optimize))
        for optimize in (OPTIMIZED, UNOPTIMIZED) if changed else (OPTIMIZED,):
            params.append(pytest.param(case, optimize, id=f"{case.id}{variant_id(optimize)}"))
    return params


@pytest.mark.parametrize("engine", [pytest.param(e, marks=[] if e in LOCAL_RUNNERS else [pytest.mark.engine]) for e in ENGINES])
@pytest.mark.parametrize(("case", "optimize"), _variants())
def test_example_runs_on_engine(engine: str, case: Case, optimize: bool, tmp_path: Path) -> None:
    runner = importlib.import_module(runner_module(engine))
    program = example_program(case.example, optimize)
    result = runner.run(program, case.pipeline, case.args, tmp_path)
    assert result.outputs.keys() == case.outputs.keys(), result.outputs
    for name, want in case.outputs.items():
        assert close(result.outputs[name], want), (name, result.outputs[name], want)
    want_runs = {**case.ran, **dict.fromkeys(case.skipped, 0)}
    got_runs = {task: result.ran[task] for task in want_runs}
    merged = merged_tasks(program, example_program(case.example, UNOPTIMIZED)) if optimize else frozenset[str]()
    assert not runs_differ(want_runs, got_runs, merged), (want_runs, dict(result.ran))
