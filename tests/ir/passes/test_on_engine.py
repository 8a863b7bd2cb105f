"""The passes keep what a program means on a real engine (flytekit local execution, the
fastest here): the same outputs with and without each pass, and the task runs the
pass promises. Runs are counted with flytekit's local cache off: a cached engine
serves a pure duplicate from its cache, which would hide whether the program itself
still calls it twice."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from flowc.ir.invariants import invariant_problems
from flowc.ir.model import LoopNode, Program
from flowc.ir.passes.dedupe import dedupe_calls, duplicate_calls
from flowc.ir.passes.map_fusion import fuse_maps, map_fusions
from tests.conformance.runners import RunResult, flyte
from tests.ir.passes.fixtures import cases, unoptimized

ROOT = Path(__file__).parents[3]
DUP_CALLS = Path(__file__).parent / "programs" / "dup_calls.py"
MAP_FUSION = ROOT / "tests/conformance/constructs/fanout/fan_map_fusion.py"

pytestmark = pytest.mark.engine


def _run(program: Program, pipeline: str, args: dict[str, object], workdir: Path) -> RunResult:
    assert invariant_problems(program) == []
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("FLYTE_LOCAL_CACHE_ENABLED", "false")
        return flyte.run(program, pipeline, dict(args), workdir)


def test_pure_duplicates_run_once_and_impure_ones_twice(tmp_path: Path) -> None:
    program = unoptimized(DUP_CALLS)
    assert len(duplicate_calls(program)["dup_calls"]) == 4  # 2 loads, 2 cleans (one pair in the loop body)
    for args in ({}, {"n": 3, "ks": []}):
        plain = _run(program, "dup_calls", args, tmp_path / "plain")
        deduped = _run(dedupe_calls(program), "dup_calls", args, tmp_path / "deduped")
        assert deduped.outputs == plain.outputs
        width = len(args.get("ks", [1, 2]))  # type: ignore[arg-type]
        assert plain.ran == Counter(load=2 + width, clean=2 + width, scale=width, draw=2, total=1)
        assert deduped.ran == Counter(load=1, clean=1, scale=width, draw=2, total=1)


def test_fused_fan_outs_give_the_same_results(tmp_path: Path) -> None:
    program = unoptimized(MAP_FUSION)
    assert map_fusions(program) == {"fan_map_fusion": [("loop_1", "loop_2")]}
    assert [n.id for n in fuse_maps(program).pipeline("fan_map_fusion").body if isinstance(n, LoopNode)] == ["loop_2", "loop_3"]
    for i, args in enumerate(({}, {"xs": []}, {"xs": [7], "bias": -1})):
        plain = _run(program, "fan_map_fusion", args, tmp_path / f"plain{i}")
        fused = _run(fuse_maps(program), "fan_map_fusion", args, tmp_path / f"fused{i}")
        assert fused.outputs == plain.outputs
        assert fused.ran == plain.ran
        assert plain.ran["fit"] == plain.ran["score"] == len(args.get("xs", [1, 2, 3]))  # type: ignore[arg-type]




def _fixture_param(path: Path, apply: Callable[[Program], Program], pass_name: str) -> object:
    marks: list[pytest.MarkDecorator] = []
    return pytest.param(path, apply, id=f"{pass_name}-{path.stem}", marks=marks)


@pytest.mark.parametrize(
    ("path", "apply"),
    [_fixture_param(p, dedupe_calls, "dedupe") for p in cases("dedupe")]
    + [_fixture_param(p, fuse_maps, "map_fusion") for p in cases("map_fusion")],
)
def test_every_fixture_means_the_same_after_its_pass(path: Path, apply: Callable[[Program], Program], tmp_path: Path) -> None:
    """Same outputs; impure tasks run as often; pure ones no more often."""
    program = unoptimized(path)
    pure = {t.name for t in program.tasks if t.options.cache}
    plain = _run(program, path.stem, {}, tmp_path / "plain")
    optimized = _run(apply(program), path.stem, {}, tmp_path / "optimized")
    assert optimized.outputs == plain.outputs
    assert {t: n for t, n in optimized.ran.items() if t not in pure} == {t: n for t, n in plain.ran.items() if t not in pure}
    assert all(optimized.ran[t] <= plain.ran[t] for t in pure)
