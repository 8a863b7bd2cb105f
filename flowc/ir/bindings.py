"""Questions every backend asks about bindings: which ones a node reads, and their types."""

from __future__ import annotations

from collections.abc import Iterator

from flowc.ir.model import (
    Binding,
    BoolOp,
    CleanupNode,
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
    RunStatusBinding,
    TaskNode,
    Truthy,
    iter_nodes,
)
from flowc.ir.types import RUN_STATUS, ListType, NamedTupleType, TupleType, Type


def condition_bindings(c: Condition) -> Iterator[Binding]:
    """Every binding a condition compares or tests, left to right."""
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
        case CleanupNode():
            return  # its bodies' nodes read for themselves


class BindingTypes:
    """The types of the values bound inside one pipeline (the reader checked they exist)."""

    def __init__(self, program: Program, pipeline: Pipeline) -> None:
        self.program = program
        self.pipeline = pipeline
        self.nodes: dict[str, Node] = {n.id: n for n in iter_nodes(pipeline.body)}

    def of(self, binding: Binding) -> Type | None:
        """The declared type of what `binding` names; None for a literal."""
        match binding:
            case ConstBinding():
                return None
            case ParamBinding(name=name):
                param = self.pipeline.param(name)
                assert param is not None, name
                return param.type
            case LoopItemBinding(loop=loop):
                node = self.nodes[loop]
                assert isinstance(node, LoopNode), loop
                return node.item_type
            case OutputBinding(node=node_id, field=field):
                return self.output(self.nodes[node_id], field)
            case RunStatusBinding():
                return RUN_STATUS

    def output(self, node: Node, field: str | None) -> Type:
        """The type of `node`'s result, or of one field of it (`None`: the whole result)."""
        match node:
            case TaskNode(task=task):
                return _field_type(self.program.task(task).returns, field)
            case PipelineNode(pipeline=name):
                return _field_type(self.program.pipeline(name).returns, field)
            case LoopNode(result_type=result_type):
                assert result_type is not None, node.id
                return ListType(item=result_type)
            case ConditionNode(outputs=outputs):
                return next(o.type for o in outputs if o.name == field)
            case CleanupNode():
                raise KeyError(f"{node.id} has no result: its body's values are read from its steps")


def _field_type(t: Type, field: str | None) -> Type:
    if field is None:
        return t
    if isinstance(t, NamedTupleType):
        found = t.field(field)
        assert found is not None, field
        return found.type
    if isinstance(t, TupleType):
        return t.items[int(field.rsplit("_", 1)[1])]
    return t  # a single result, whose one output is SINGLE_OUTPUT
