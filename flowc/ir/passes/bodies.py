"""Where nodes sit in a pipeline's nested bodies, and editing those bodies: shared by the passes
that remove or replace nodes (duplicate elimination, map fusion).

A node's position is the path of bodies leading to it (each a loop's body or one
condition arm) and its index in each of them. A node reads only nodes visible from
it: those before it in its own body or before the enclosing node in an enclosing
body (`flowc.ir.invariants` checks this after every pass).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from flowc.ir.bindings import node_bindings
from flowc.ir.model import CleanupNode, ConditionNode, LoopNode, Node, OutputBinding, Pipeline, iter_nodes

BodyKey = tuple[tuple[str, int], ...]
"""A body: the (container id, arm index) steps from the pipeline's body to it (arm 0 for a loop)."""


@dataclass(frozen=True)
class Position:
    """Where a node sits: the body holding it, and its index in that body and in each enclosing one."""

    body: BodyKey
    indices: tuple[int, ...]


def positions(body: tuple[Node, ...], where: BodyKey = (), indices: tuple[int, ...] = ()) -> dict[str, Position]:
    """The position of every node of `body`, nested ones included."""
    found: dict[str, Position] = {}
    for i, node in enumerate(body):
        at = (*indices, i)
        found[node.id] = Position(where, at)
        for arm, inner in enumerate(nested_bodies(node)):
            found.update(positions(inner, (*where, (node.id, arm)), at))
    return found


def visible(node: Position, reader: Position) -> bool:
    """Whether a node at `node` may be read by one at `reader` (before it, here or in an enclosing body)."""
    depth = len(node.body)
    return reader.body[:depth] == node.body and node.indices[-1] < reader.indices[depth]


def nested_bodies(node: Node) -> tuple[tuple[Node, ...], ...]:
    """A loop's body, each arm's body of a condition, a `try` block's body and cleanup; none for a call."""
    if isinstance(node, LoopNode):
        return (node.body,)
    if isinstance(node, ConditionNode):
        return tuple(b.body for b in node.branches)
    if isinstance(node, CleanupNode):
        return (node.body, node.cleanup)
    return ()


NodeEdit = Callable[[Node], tuple[Node, ...]]


def edit_body(body: tuple[Node, ...], edit: NodeEdit) -> tuple[Node, ...]:
    """`body` with each node (inner bodies edited first) replaced by what `edit` makes of it (none: removed)."""
    return tuple(new for node in body for new in edit(_edit_inside(node, edit)))


def _edit_inside(node: Node, edit: NodeEdit) -> Node:
    if isinstance(node, LoopNode):
        return node.model_copy(update={"body": edit_body(node.body, edit)})
    if isinstance(node, ConditionNode):
        branches = tuple(b.model_copy(update={"body": edit_body(b.body, edit)}) for b in node.branches)
        return node.model_copy(update={"branches": branches})
    if isinstance(node, CleanupNode):
        return node.model_copy(update={"body": edit_body(node.body, edit), "cleanup": edit_body(node.cleanup, edit)})
    return node


def references(pipeline: Pipeline) -> Counter[str]:
    """How many times each node id is read anywhere in `pipeline`: bindings, `after` lists, results."""
    counts = Counter[str]()
    for node in iter_nodes(pipeline.body):
        counts.update(b.node for b in node_bindings(node) if isinstance(b, OutputBinding))
        counts.update(node.after)
    counts.update(r.binding.node for r in pipeline.results if isinstance(r.binding, OutputBinding))
    return counts
