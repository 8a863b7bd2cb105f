"""Random pipeline bodies mixing valid and invalid constructs: the reader never fails,
and whatever IR it builds keeps its invariants (unique ids, bindings only into visible
nodes, lossless JSON)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

from flowc.dsl.reader import read_paths
from flowc.ir.model import (
    Binding,
    ConditionNode,
    LoopNode,
    Node,
    OutputBinding,
    PipelineNode,
    Program,
    TaskNode,
    iter_nodes,
)

HEAD = '''from typing import NamedTuple
import flowc as fc
from flowc import Dataset, after, pipeline, task

class Pair(NamedTuple):
    a: int
    b: Dataset

@task
def num(x: int = 1) -> int: ...
@task
def pair(x: int) -> Pair: ...
@task
def nums() -> list[int]: ...
@task
def note(t: str) -> None: ...
@task
def ds(d: Dataset, k: float = 0.5) -> Dataset: ...
@pipeline
def sub(x: int) -> tuple[int, Dataset]:
    return pair(x=x)
'''
EXPRS = [
    "1", "-2", "x", "xs", "num()", "num(x=x)", "num(x)", "pair(x=x).a", "pair(1).b", "nums()", "[1, 2]", "[x]",
    "{'a': x}", "x + 1", "xs[0]", "f'{x}'", "None", "True", "note(t='a')", "sub(x=x)", "[num(x=v) for v in xs]",
    "[num(x=v) for v in nums()]", "ds(d=pair(x).b)", "undefined", "lambda: 1", "(y := 1)", "x if x else 1",
    "num(*xs)", "num(x=x, x=1)", "fc.after(x)", "num", "[[num(x=v) for v in xs] for w in xs]", "pair(x=x)",
    "'s'", "1.5", "num(x=num(x=num()))", "sub(x)", "a", "b", "z.a",
]
CONDS = ["x > 1", "x", "not x", "x in [1, 2]", "x == 'a'", "1 < x < 3", "x and y", "num(x=x) > 2", "pair(x).b", "x is None", "xs"]
ODD = ["del x", "x += 1", "import os", "while x: pass", "global q", "pass"]


def _statement(rng: random.Random, depth: int) -> list[str]:
    ind = "    " * depth
    r = rng.random()
    if r < 0.35:
        return [f"{ind}{rng.choice('xyzw')} = {rng.choice(EXPRS)}"]
    if r < 0.5:
        return [f"{ind}{rng.choice(EXPRS)}"]
    if depth < 4 and r < 0.6:
        out = [f"{ind}if {rng.choice(CONDS)}:", *_block(rng, depth + 1)]
        if rng.random() < 0.5:
            out += [f"{ind}elif {rng.choice(CONDS)}:", *_block(rng, depth + 1)]
        if rng.random() < 0.6:
            out += [f"{ind}else:", *_block(rng, depth + 1)]
        return out
    if depth < 4 and r < 0.7:
        return [f"{ind}for v in {rng.choice(EXPRS)}:", *_block(rng, depth + 1)]
    if depth < 4 and r < 0.8:
        return [f"{ind}with after({rng.choice(EXPRS)}, {rng.choice(EXPRS)}):", *_block(rng, depth + 1)]
    if r < 0.87:
        return [f"{ind}return {rng.choice(EXPRS)}"]
    if r < 0.92:
        return [f"{ind}a, b = {rng.choice(EXPRS)}"]
    return [f"{ind}{rng.choice(ODD)}"]


def _block(rng: random.Random, depth: int) -> list[str]:
    return [line for _ in range(rng.randint(1, 4)) for line in _statement(rng, depth)]


def _source(seed: int) -> str:
    rng = random.Random(seed)
    ret = rng.choice(["int", "None", "list[int]", "tuple[int, Dataset]", "Pair", "float"])
    header = f"\n@pipeline\ndef p(x: int = 1, xs: list[int] = [1], y: str = 'a') -> {ret}:\n"
    return HEAD + header + "\n".join(_block(rng, 1)) + "\n"


def _bindings(node: Node) -> Iterator[Binding]:
    if isinstance(node, (TaskNode, PipelineNode)):
        yield from (i.binding for i in node.inputs)
    elif isinstance(node, LoopNode):
        yield node.items


def _check_scope(body: tuple[Node, ...], visible: set[str], problems: list[str]) -> None:
    here = visible | {n.id for n in body}
    for node in body:
        problems += [f"{node.id} -> {b.node}" for b in _bindings(node) if isinstance(b, OutputBinding) and b.node not in here]
        problems += [f"{node.id} after {a}" for a in node.after if a not in here]
        if isinstance(node, LoopNode):
            _check_scope(node.body, here, problems)
            inner = here | {n.id for n in iter_nodes(node.body)}
            if isinstance(node.result, OutputBinding) and node.result.node not in inner:
                problems.append(f"{node.id} result")
        elif isinstance(node, ConditionNode):
            for branch in node.branches:
                _check_scope(branch.body, here, problems)
            for out in node.outputs:
                assert len(out.sources) == len(node.branches)


def test_random_pipelines_read_without_failures_and_keep_ir_invariants(tmp_path: Path) -> None:
    for seed in range(150):
        path = tmp_path / f"f{seed}.py"
        path.write_text(_source(seed))
        result = read_paths([path])
        assert not [d for d in result.diagnostics if d.code == "FLC009"], (seed, result.diagnostics)
        program = result.program
        assert Program.model_validate_json(program.model_dump_json()) == program, seed
        for pipeline in program.pipelines:
            ids = [n.id for n in iter_nodes(pipeline.body)]
            assert len(ids) == len(set(ids)), (seed, ids)
            problems: list[str] = []
            _check_scope(pipeline.body, set(), problems)
            assert not problems, (seed, problems)
            for res in pipeline.results:
                assert not isinstance(res.binding, OutputBinding) or res.binding.node in ids, seed
