"""Map fusion: a fan-out over the fan-in list of another fan-out becomes one fan-out.

`[score(m) for m in [fit(x) for x in xs]]` is two loops: `L1` over `xs` yielding
`fit`, and `L2` over `L1`'s list. Each item of `L2` depends only on the same item of
`L1`, so when nothing else reads `L1`'s list (no binding, `after`, result or
condition anywhere in the pipeline) and the two sit in the same body, one loop over
`xs` running `fit` then `score` per item computes the same list without the barrier
between them (and gives chain fusion one body to fuse).

The fused loop keeps `L2`'s id, position, result and span, so whatever read `L2`
still does; it iterates `L1`'s items with `L1`'s variable and item type, and waits
for what either loop waited for. Its body is `L1`'s body, then `L2`'s with `L2`'s
item replaced by `L1`'s result; `L1`'s item becomes the fused loop's. Nodes between
the two loops read neither (nothing else reads `L1`), and `L1`'s body reads only
nodes before `L1`, so moving it to `L2`'s place changes no value. Fusing repeats
until nothing changes, so a chain of three comprehensions becomes one loop.

>>> from flowc.ir.model import LoopItemBinding as I, OutputBinding as O, ParamBinding as P
>>> from flowc.ir.model import Input, LoopNode, Pipeline, Program, TaskNode
>>> from flowc.ir.types import INT, ListType
>>> def loop(id, var, items, step):
...     call = TaskNode(id=step, task=step, inputs=(Input(name="x", binding=I(loop=id)),))
...     return LoopNode(id=id, var=var, items=items, item_type=INT, body=(call,), result=O(node=step), result_type=INT)
>>> l1, l2 = loop("l1", "x", P(name="xs"), "fit"), loop("l2", "m", O(node="l1"), "score")
>>> program = Program(pipelines=(Pipeline(name="p", params=(), returns=ListType(item=INT), body=(l1, l2)),))
>>> [(n.id, n.var, [b.id for b in n.body]) for n in fuse_maps(program).pipelines[0].body]
[('l2', 'x', ['fit', 'score'])]
>>> map_fusions(program)
{'p': [('l1', 'l2')]}
"""

from __future__ import annotations

from collections.abc import Iterator

from flowc.ir.model import Binding, LoopItemBinding, LoopNode, Node, OutputBinding, Pipeline, Program
from flowc.ir.passes.bodies import edit_body, nested_bodies, references
from flowc.ir.rewrite import rewrite_body, rewrite_node


def fuse_maps(program: Program) -> Program:
    """`program` with every fan-out over a fan-in list only it reads fused into one, in every pipeline."""
    return _fuse(program)[0]


def map_fusions(program: Program) -> dict[str, list[tuple[str, str]]]:
    """Per pipeline name, the (inner loop, outer loop) pairs `fuse_maps` made one, in fusing order.

    The inner loop is the one whose fan-in list the outer iterates (`L1` above); the
    fused loop has the outer loop's id.
    """
    return _fuse(program)[1]


def _fuse(program: Program) -> tuple[Program, dict[str, list[tuple[str, str]]]]:
    pipelines: list[Pipeline] = []
    records: dict[str, list[tuple[str, str]]] = {}
    for pipeline in program.pipelines:
        pairs: list[tuple[str, str]] = []
        while pair := _fusable(pipeline):
            pipeline = _fused(pipeline, *pair)
            pairs.append((pair[0].id, pair[1].id))
        pipelines.append(pipeline)
        records[pipeline.name] = pairs
    return program.model_copy(update={"pipelines": tuple(pipelines)}), records


def _fusable(pipeline: Pipeline) -> tuple[LoopNode, LoopNode] | None:
    """The first (inner, outer) pair of loops of one body that can be fused, if any."""
    readers = references(pipeline)
    for body in _bodies(pipeline.body):
        loops = {n.id: n for n in body if isinstance(n, LoopNode)}
        for outer in loops.values():
            inner = loops.get(_fan_in_of(outer.items) or "")
            if inner is not None and readers[inner.id] == 1 and inner.result_type == outer.item_type:
                return inner, outer
    return None


def _bodies(body: tuple[Node, ...]) -> Iterator[tuple[Node, ...]]:
    """`body` and every body nested in it."""
    yield body
    for node in body:
        for inner in nested_bodies(node):
            yield from _bodies(inner)


def _fan_in_of(items: Binding) -> str | None:
    """The id of the node whose whole value `items` is (a loop's fan-in list), if it is one."""
    if isinstance(items, OutputBinding) and items.field is None:
        return items.node
    return None


def _fused(pipeline: Pipeline, inner: LoopNode, outer: LoopNode) -> Pipeline:
    """`pipeline` with `inner` gone and `outer` iterating `inner`'s items, running both bodies."""
    assert inner.result is not None, inner.id  # it has a fan-in list: a comprehension

    def own_item(b: Binding) -> Binding:
        return b.model_copy(update={"loop": outer.id}) if isinstance(b, LoopItemBinding) and b.loop == inner.id else b

    produced = own_item(inner.result)

    def from_inner(b: Binding) -> Binding:
        return produced if isinstance(b, LoopItemBinding) and b.loop == outer.id else b

    body = (*rewrite_body(inner.body, own_item), *rewrite_body(outer.body, from_inner))
    rest = rewrite_node(outer.model_copy(update={"body": ()}), from_inner)
    assert isinstance(rest, LoopNode)
    fused = rest.model_copy(
        update={
            "var": inner.var,
            "items": inner.items,
            "item_type": inner.item_type,
            "body": body,
            "after": tuple(dict.fromkeys((*inner.after, *outer.after))),
        }
    )

    def edit(node: Node) -> tuple[Node, ...]:
        return () if node.id == inner.id else (fused,) if node.id == outer.id else (node,)

    return pipeline.model_copy(update={"body": edit_body(pipeline.body, edit)})
