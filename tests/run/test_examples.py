"""Every example case gives plain Python's results under `flowc run` (the table in tests/conformance/expected.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conformance.compare import close
from tests.conformance.expected import CASES, Case
from tests.conformance.test_conformance import example_program
from tests.conformance.variants import OPTIMIZED, UNOPTIMIZED, merged_tasks, runs_differ
from tests.run.harness import run


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_example_gives_plain_python_results(case: Case, tmp_path: Path) -> None:
    program = example_program(case.example, OPTIMIZED)
    result = run(program, case.pipeline, case.args, tmp_path)
    assert result.outputs.keys() == case.outputs.keys(), result.outputs
    for name, want in case.outputs.items():
        assert close(result.outputs[name], want), (name, result.outputs[name], want)
    want_runs = {**case.ran, **dict.fromkeys(case.skipped, 0)}
    got_runs = {task: result.ran[task] for task in want_runs}
    merged = merged_tasks(program, example_program(case.example, UNOPTIMIZED))
    assert not runs_differ(want_runs, got_runs, merged), (want_runs, dict(result.ran))


# Construct programs whose meaning the runner once got wrong (the whole catalogue runs in the conformance suite).
CONSTRUCTS = ("containers/container_crlf_output",)


@pytest.mark.parametrize("entry_id", CONSTRUCTS)
def test_construct_gives_plain_python_results(entry_id: str, tmp_path: Path) -> None:
    from tests.conformance.test_constructs import ENTRIES, assert_same, pipeline_name, program_of

    entry = next(e for e in ENTRIES if e.id == entry_id)
    for i, args in enumerate(entry.runs):
        assert_same(entry, args, run(program_of(entry), pipeline_name(entry), args, tmp_path / str(i)))
