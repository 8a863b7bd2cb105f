"""The type of every binding of one pipeline, read from the IR."""

from __future__ import annotations

from flowc.ir.model import (
    SINGLE_OUTPUT,
    Binding,
    ConditionNode,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    OutputBinding,
    ParamBinding,
    Pipeline,
    PipelineNode,
    Program,
    TaskNode,
    iter_nodes,
)
from flowc.ir.types import ListType, NoneType, Type


class TypeOracle:
    """Answers `of(binding)` for the bindings found in one pipeline's body."""

    def __init__(self, program: Program, pipeline: Pipeline) -> None:
        self.program = program
        self.pipeline = pipeline
        self.nodes = {n.id: n for n in iter_nodes(pipeline.body)}

    def of(self, binding: Binding) -> Type:
        match binding:
            case ParamBinding(name=name):
                param = self.pipeline.param(name)
                return param.type if param is not None else NoneType()
            case LoopItemBinding(loop=loop):
                node = self.nodes[loop]
                return node.item_type if isinstance(node, LoopNode) else NoneType()
            case OutputBinding(node=node_id, field=out):
                return self._output(node_id, out or SINGLE_OUTPUT)
            case ConstBinding():
                return NoneType()

    def _output(self, node_id: str, name: str) -> Type:
        node = self.nodes[node_id]
        if isinstance(node, LoopNode):
            return ListType(item=node.result_type) if node.result_type is not None else NoneType()
        if isinstance(node, ConditionNode):
            return next((o.type for o in node.outputs if o.name == name), NoneType())
        callee = self.program.task(node.task) if isinstance(node, TaskNode) else self.program.pipeline(node.pipeline)
        assert isinstance(node, TaskNode | PipelineNode)
        return next((o.type for o in callee.outputs if o.name == name), NoneType())
