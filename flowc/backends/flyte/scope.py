"""Values as the generated workflow code sees them: keys, their types, free values of a body.

A loop body or a branch body becomes its own sub-workflow, which receives every
outer value it uses (parameters, outputs of outer steps, outer loop items) as an
input. `free_keys` finds those values; `key_type` gives their types.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from flowc.ir.model import (
    SINGLE_OUTPUT,
    BoolOp,
    Compare,
    Condition,
    ConditionNode,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Node,
    Not,
    OutputBinding,
    ParamBinding,
    Pipeline,
    PipelineNode,
    Program,
    TaskNode,
    Truthy,
    iter_nodes,
)
from flowc.ir.model import Binding
from flowc.ir.types import ListType, NamedTupleType, TupleType, Type

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


def condition_bindings(c: Condition) -> Iterator[Binding]:
    match c:
        case Compare(left=left, right=right):
            yield left
            yield right
        case BoolOp(operands=operands):
            for op in operands:
                yield from condition_bindings(op)
        case Not(operand=operand):
            yield from condition_bindings(operand)
        case Truthy(value=value):
            yield value


def node_bindings(node: Node) -> Iterator[Binding]:
    """Bindings a node reads itself (not those of its nested bodies)."""
    match node:
        case TaskNode(inputs=inputs) | PipelineNode(inputs=inputs):
            yield from (i.binding for i in inputs)
        case LoopNode(items=items, result=result):
            yield items
            if result is not None:
                yield result
        case ConditionNode(branches=branches, outputs=outputs):
            for br in branches:
                if br.condition is not None:
                    yield from condition_bindings(br.condition)
            for out in outputs:
                yield from out.sources


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
        self.nodes = {n.id: n for n in iter_nodes(self.pipeline.body)}

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
        match node:
            case TaskNode(task=task):
                return _field_type(self.program.task(task).returns, fld)
            case PipelineNode(pipeline=name):
                return _field_type(self.program.pipeline(name).returns, fld)
            case LoopNode(result_type=result_type):
                assert result_type is not None, node.id
                return ListType(item=result_type)
            case ConditionNode(outputs=outputs):
                return next(o.type for o in outputs if o.name == fld)


def _field_type(t: Type, fld: str | None) -> Type:
    if fld is None:
        return t
    if isinstance(t, NamedTupleType):
        found = t.field(fld)
        assert found is not None, fld
        return found.type
    if isinstance(t, TupleType):
        return t.items[int(fld.rsplit("_", 1)[1])]
    return t
