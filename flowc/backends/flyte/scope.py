"""Values as the generated workflow code sees them: keys, their types, free values of a body.

A loop body or a branch body becomes its own sub-workflow, which receives every
outer value it uses (parameters, outputs of outer steps, outer loop items) as an
input. `free_keys` finds those values; `key_type` gives their types.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flowc.ir.bindings import BindingTypes, node_bindings
from flowc.ir.model import (
    SINGLE_OUTPUT,
    Binding,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    ParamBinding,
    Pipeline,
    Program,
    iter_nodes,
)
from flowc.ir.types import Type

Key = tuple[str, str, str | None]


def binding_key(b: Binding) -> Key | None:
    """The value a binding names, or None for a literal."""
    match b:
        case ConstBinding():
            return None
        case ParamBinding(name=name):
            return ("param", name, None)
        case OutputBinding(node=node, field=field):
            return ("output", node, None if field == SINGLE_OUTPUT else field)
        case LoopItemBinding(loop=loop):
            return ("item", loop, None)


def free_keys(body: tuple[Node, ...], extra: tuple[Binding, ...] = (), own_loop: str | None = None) -> list[Key]:
    """Outer values `body` (and `extra` bindings) read, in first-use order."""
    nested = iter_nodes(body)
    defined = {n.id for n in nested}
    if own_loop is not None:
        defined.add(own_loop)
    found: dict[Key, None] = {}
    bindings = [b for n in nested for b in node_bindings(n)] + list(extra)
    for b in bindings:
        key = binding_key(b)
        if key is None or (key[0] != "param" and key[1] in defined):
            continue
        found[key] = None
    return list(found)


def outer_after(body: tuple[Node, ...]) -> list[str]:
    """Ids of outer steps that nodes of `body` must run after."""
    nested = iter_nodes(body)
    defined = {n.id for n in nested}
    return list(dict.fromkeys(a for n in nested for a in n.after if a not in defined))


@dataclass
class PipelineIndex:
    """Every node of a pipeline by id, and the types of the values they produce."""

    program: Program
    pipeline: Pipeline
    nodes: dict[str, Node] = field(default_factory=lambda: {})

    def __post_init__(self) -> None:
        self.types = BindingTypes(self.program, self.pipeline)
        self.nodes = self.types.nodes

    def key_type(self, key: Key) -> Type:
        kind, name, fld = key
        if kind == "param":
            param = self.pipeline.param(name)
            assert param is not None, name
            return param.type
        node = self.nodes[name]
        if kind == "item":
            assert isinstance(node, LoopNode)
            return node.item_type
        return self.output_type(node, fld)

    def output_type(self, node: Node, fld: str | None) -> Type:
        return self.types.output(node, fld)
