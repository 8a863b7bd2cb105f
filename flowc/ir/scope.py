"""Scope analysis of pipeline bodies, shared by every backend.

A loop body or a condition arm becomes a sub-DAG, sub-workflow or task group on
some engine, and each needs to know which outer values a body reads (parameters,
outputs of outer steps, outer loop items) and which outer steps it waits for.
These questions are answered here, once, from the IR alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from flowc.ir.bindings import BindingTypes, node_bindings
from flowc.ir.model import (
    Binding,
    CleanupNode,
    ConditionNode,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    ParamBinding,
    RunStatusBinding,
    iter_nodes,
)
from flowc.ir.types import RUN_STATUS, Type

Key = tuple[str, str, str | None]
"""A value a binding names: ("param", name, None), ("output", node, field), ("item", loop, None)
or ("status", try block, None)."""


def binding_key(b: Binding) -> Key | None:
    """The value a binding names, or None for a literal."""
    match b:
        case ConstBinding():
            return None
        case ParamBinding(name=name):
            return ("param", name, None)
        case OutputBinding(node=node, field=field):
            return ("output", node, field)  # a field named `output` is that field: None is the whole result
        case LoopItemBinding(loop=loop):
            return ("item", loop, None)
        case RunStatusBinding(block=block):
            return ("status", block, None)


def free_keys(body: tuple[Node, ...], extra: Iterable[Binding] = (), own_loop: str | None = None) -> list[Key]:
    """Outer values `body` (and `extra` bindings) read, in first-use order.

    Parameters always count as outer values; `own_loop` is the loop whose body this is
    (its item is defined inside).
    """
    nested = iter_nodes(body)
    defined = {n.id for n in nested}
    if own_loop is not None:
        defined.add(own_loop)
    found: dict[Key, None] = {}
    for b in [*(b for n in nested for b in node_bindings(n)), *extra]:
        key = binding_key(b)
        if key is None or (key[0] != "param" and key[1] in defined):
            continue
        found[key] = None
    return list(found)


def key_type(types: BindingTypes, key: Key) -> Type:
    """The declared type of the value `key` names."""
    kind, name, fld = key
    if kind == "param":
        param = types.pipeline.param(name)
        assert param is not None, name
        return param.type
    if kind == "status":
        return RUN_STATUS
    node = types.nodes[name]
    if kind == "item":
        assert isinstance(node, LoopNode), name
        return node.item_type
    return types.output(node, fld)


def outer_after(body: tuple[Node, ...]) -> list[str]:
    """Ids of outer steps that nodes of `body` must run after (`with after(...)`), in first-use order."""
    nested = iter_nodes(body)
    defined = {n.id for n in nested}
    return list(dict.fromkeys(a for n in nested for a in n.after if a not in defined))


def inner_nodes(node: Node) -> list[Node]:
    """The nodes nested in a loop's body or a condition's arms (all levels)."""
    if isinstance(node, LoopNode):
        return list(iter_nodes(node.body))
    if isinstance(node, ConditionNode):
        return [n for branch in node.branches for n in iter_nodes(branch.body)]
    if isinstance(node, CleanupNode):
        return [*iter_nodes(node.body), *iter_nodes(node.cleanup)]
    return []


def reads(node: Node) -> set[str]:
    """Ids of the nodes outside `node` whose results or completion `node` (or its body) waits for."""
    inner = [node, *inner_nodes(node)]
    found: set[str] = set()
    for n in inner:
        found.update(b.node for b in node_bindings(n) if isinstance(b, OutputBinding))
        found.update(n.after)
    return found - {n.id for n in inner}


def waiting_for(nodes: tuple[Node, ...], roots: set[str]) -> set[str]:
    """The nodes of one body that wait, directly or not, for any of `roots` (roots included)."""
    waiting = set(roots)
    changed = True
    while changed:
        changed = False
        for node in nodes:
            if node.id not in waiting and reads(node) & waiting:
                waiting.add(node.id)
                changed = True
    return waiting
