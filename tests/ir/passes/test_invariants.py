"""The IR invariants checker (`flowc.ir.invariants`): silent on every program the reader
makes, and on each after every pass of this directory; loud on each kind of breakage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from flowc.ir.invariants import invariant_problems
from flowc.ir.model import (
    ConstBinding,
    Input,
    LoopItemBinding,
    OutputBinding,
    Pipeline,
    Program,
    TaskNode,
)
from flowc.ir.passes.bodies import NodeEdit, edit_body
from flowc.ir.passes.dedupe import dedupe_calls
from flowc.ir.passes.map_fusion import fuse_maps
from tests.ir.passes.fixtures import HERE, unoptimized

ROOT = Path(__file__).parents[3]
CONSTRUCTS = sorted(p for p in (ROOT / "tests/conformance/constructs").glob("*/*.py") if not p.name.startswith("_"))
PROGRAMS = CONSTRUCTS + sorted((ROOT / "examples").glob("*.py"))
PASSES: dict[str, Callable[[Program], Program]] = {"dedupe": dedupe_calls, "map_fusion": fuse_maps}


@pytest.mark.parametrize("name", sorted(PASSES))
def test_every_construct_and_example_keeps_its_invariants(name: str) -> None:
    """`unoptimized` checks the program as read; the pass must keep what held."""
    broken = {p.stem: invariant_problems(PASSES[name](unoptimized(p))) for p in PROGRAMS}
    assert {k: v for k, v in broken.items() if v} == {}


# ------------------------------------------------------------------ each kind of breakage


def _fixture() -> Pipeline:
    """`[g(a=f(x=v), b=f(x=v)) for v in ys]` and friends: loops, a condition, results."""
    return unoptimized(HERE / "dedupe" / "enclosing.py").pipeline("enclosing")


def _broken(edit: NodeEdit) -> list[str]:
    program = unoptimized(HERE / "dedupe" / "enclosing.py")
    pipeline = program.pipeline("enclosing")
    pipeline = pipeline.model_copy(update={"body": edit_body(pipeline.body, edit)})
    return invariant_problems(program.model_copy(update={"pipelines": (pipeline,)}))


def _on(node_id: str, **update: object) -> NodeEdit:
    return lambda node: (node.model_copy(update=update) if node.id == node_id else node,)


def test_the_fixture_is_sound() -> None:
    assert [n.id for n in _fixture().body] == ["f", "loop_1", "cond_1", "loop_2"]


def test_a_repeated_id() -> None:
    assert _broken(_on("g_2", id="f")) == ["enclosing: node id f is used 2 times"]


def test_a_read_of_a_later_node() -> None:
    problems = _broken(_on("f", inputs=(Input(name="x", binding=OutputBinding(node="loop_2")),)))
    assert problems == ["enclosing: f.x reads loop_2, which is not visible there"]


def test_a_read_into_a_nested_body() -> None:
    problems = _broken(_on("f_5", inputs=(Input(name="x", binding=OutputBinding(node="g")),)))
    assert problems == ["enclosing: f_5.x reads g, which is not visible there"]


def test_a_wait_on_a_node_not_visible() -> None:
    assert _broken(_on("f", after=("g",))) == ["enclosing: f waits for g, which is not visible there"]


def test_a_loop_item_outside_its_loop() -> None:
    problems = _broken(_on("f", inputs=(Input(name="x", binding=LoopItemBinding(loop="loop_1")),)))
    assert problems == ["enclosing: f.x reads the item of loop_1 outside that loop"]


def test_a_loop_over_a_value_not_a_list() -> None:
    problems = _broken(_on("loop_2", items=OutputBinding(node="f")))
    assert problems == ["enclosing: loop_2 iterates int as int"]


def test_an_argument_of_the_wrong_type() -> None:
    g = TaskNode(id="g_9", task="g", inputs=(Input(name="a", binding=OutputBinding(node="loop_1")),))
    problems = _broken(lambda n: (n, g) if n.id == "g_3" else (n,))
    assert problems == ["enclosing: g_9.a: list[int] does not flow into int"]


def test_an_unknown_parameter() -> None:
    problems = _broken(_on("f", inputs=(Input(name="nope", binding=ConstBinding(value=1)),)))
    assert problems == ["enclosing: f.nope: the callee has no such parameter"]
