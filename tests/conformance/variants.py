"""The two compilations the conformance suites run: optimized (flowc's default) and
unoptimized (`api.load(..., optimize=False)`, what `flowc compile -O0` emits).

Fusion preserves meaning only if both give plain Python's answer. Running every program
twice on every engine would double the suite's time, so the unoptimized variant runs
only where the optimizer changed something: if a program's IR is the same with and
without the passes (cache keys aside, see `without_keys`), each backend emits the same
tasks, bindings and control flow for both, and the engine result is the same by
construction (`test_constructs.py` asserts that sameness, cheaply, for each such program).

Run counts. An engine run of a fused task (a `PythonTask` with `members`) counts one run
for each member (`tests.conformance.runners.by_member`). A pure duplicate call merged by
the optimizer (dedupe) runs once where plain Python runs it twice: such a task's count
is compared with plain Python's as "ran, at most as often" (`runs_differ`); the
unoptimized run of the same program still checks its exact count.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Collection, Mapping
from typing import Any

from flowc.ir.model import Program, PythonTask, TaskNode, iter_nodes

OPTIMIZED = True
UNOPTIMIZED = False
KEY_FIELDS = ("cache_key",)  # task keys and step (Merkle) keys: they change caching, not meaning


def variant_id(optimize: bool) -> str:
    """The suffix of a test id: nothing for the default (optimized) compile, `-O0` for the other."""
    return "" if optimize else "-O0"


def without_keys(program: Program) -> Any:
    """`program.model_dump()` with every cache key and step key blanked."""
    return _blank(program.model_dump())


def _blank(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: None if k in KEY_FIELDS else _blank(v) for k, v in value.items()}  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, (list, tuple)):
        return [_blank(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    return value


def same_ir(optimized: Program, unoptimized: Program) -> bool:
    """The passes changed nothing but keys."""
    return without_keys(optimized) == without_keys(unoptimized)


def optimizer_changes(load: Callable[[bool], Program]) -> bool:
    """Whether the program's optimized IR differs from its unoptimized one; a program that
    does not load (or a pass that raises) counts as changed, so both variants run and fail."""
    try:
        return not same_ir(load(OPTIMIZED), load(UNOPTIMIZED))
    except Exception:  # noqa: BLE001 - reported by the tests themselves, not at collection
        return True


def call_sites(program: Program) -> Counter[str]:
    """How many calls of each task the program's pipelines hold, a fused call counting once per member."""
    members = {t.name: t.members for t in program.tasks if isinstance(t, PythonTask) and t.members}
    sites = Counter[str]()
    for pipeline in program.pipelines:
        for node in iter_nodes(pipeline.body):
            if isinstance(node, TaskNode):
                sites.update(members.get(node.task, (node.task,)))
    return sites


def merged_tasks(optimized: Program, unoptimized: Program) -> frozenset[str]:
    """Tasks some of whose calls the optimizer merged away (dedupe): fewer call sites than before."""
    before, after = call_sites(unoptimized), call_sites(optimized)
    return frozenset(name for name, n in before.items() if after[name] < n)


def runs_differ(want: Mapping[str, int], got: Mapping[str, int], merged: Collection[str]) -> dict[str, tuple[int, int]]:
    """Tasks whose engine run count is not plain Python's, as name -> (plain Python, engine).

    A merged task must run whenever plain Python runs it, and at most as often."""
    wrong: dict[str, tuple[int, int]] = {}
    for name in sorted({*want, *got}):
        w, g = want.get(name, 0), got.get(name, 0)
        ok = (0 < g <= w or g == w) if name in merged else g == w
        if not ok:
            wrong[name] = (w, g)
    return wrong
