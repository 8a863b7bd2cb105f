"""Random valid pipelines (`random_programs.py`): after each pass, and after both, the
invariants hold, the result is the same for several arguments, impure tasks run as
often and pure ones no more often."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from flowc.ir.invariants import invariant_problems
from flowc.ir.model import Program
from flowc.ir.passes.dedupe import dedupe_calls, duplicate_calls
from flowc.ir.passes.map_fusion import fuse_maps, map_fusions
from tests.ir.passes.random_programs import TASKS, random_program, run

SEEDS = range(300)
ARGS = [(0, []), (1, [1, 2]), (3, [0, 5, 2])]
PASSES: dict[str, Callable[[Program], Program]] = {
    "dedupe": dedupe_calls,
    "map_fusion": fuse_maps,
    "both": lambda p: fuse_maps(dedupe_calls(p)),
}


@pytest.mark.parametrize("name", sorted(PASSES))
def test_random_pipelines_mean_the_same(name: str) -> None:
    for seed in SEEDS:
        program = random_program(seed)
        assert invariant_problems(program) == [], seed
        optimized = PASSES[name](program)
        assert invariant_problems(optimized) == [], seed
        for n, xs in ARGS:
            before, after = run(program, n, xs), run(optimized, n, xs)
            assert after.result == before.result, (seed, n, xs)
            for task, pure in TASKS.items():
                assert after.ran[task] <= before.ran[task] if pure else after.ran[task] == before.ran[task], (seed, task)


def test_the_generator_gives_the_passes_work() -> None:
    """Else the test above proves nothing: many programs have duplicates and fusable loops."""
    programs = [random_program(seed) for seed in SEEDS]
    assert sum(1 for p in programs if duplicate_calls(p)["fuzz"]) > len(programs) // 4
    assert sum(1 for p in programs if map_fusions(p)["fuzz"]) > len(programs) // 20
