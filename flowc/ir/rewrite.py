"""Rewriting what a pipeline's bindings and `after` lists refer to, through nested bodies.

The optimizer's passes move values around (a fused step now provides what its members
did, a merged duplicate what its twin did); this is the one traversal they use.
"""

from __future__ import annotations

from collections.abc import Callable

from flowc.ir.model import (
    Binding,
    BoolOp,
    Branch,
    BranchOutput,
    CleanupNode,
    Compare,
    Condition,
    ConditionNode,
    Input,
    LoopNode,
    Node,
    Not,
    Pipeline,
    PipelineNode,
    TaskNode,
    Truthy,
)

BindingMap = Callable[[Binding], Binding]
AfterMap = Callable[[str], str]


def _same(node_id: str) -> str:
    return node_id


def rewrite_pipeline(pipeline: Pipeline, binding: BindingMap, after: AfterMap = _same) -> Pipeline:
    """`pipeline` with every binding passed through `binding` and every `after` id through `after`.

    Duplicate `after` ids that the mapping makes (two members now one step) are dropped,
    and so is a node's wait on itself.
    """
    results = tuple(r.model_copy(update={"binding": binding(r.binding)}) for r in pipeline.results)
    return pipeline.model_copy(update={"body": rewrite_body(pipeline.body, binding, after), "results": results})


def rewrite_body(body: tuple[Node, ...], binding: BindingMap, after: AfterMap = _same) -> tuple[Node, ...]:
    return tuple(rewrite_node(n, binding, after) for n in body)


def rewrite_node(node: Node, binding: BindingMap, after: AfterMap = _same) -> Node:
    waits = tuple(dict.fromkeys(a for a in map(after, node.after) if a != node.id))
    match node:
        case TaskNode() | PipelineNode():
            inputs = tuple(Input(name=i.name, binding=binding(i.binding)) for i in node.inputs)
            return node.model_copy(update={"inputs": inputs, "after": waits})
        case LoopNode():
            update: dict[str, object] = {
                "items": binding(node.items),
                "body": rewrite_body(node.body, binding, after),
                "after": waits,
            }
            if node.result is not None:
                update["result"] = binding(node.result)
            return node.model_copy(update=update)
        case ConditionNode():
            branches = tuple(_branch(b, binding, after) for b in node.branches)
            outputs = tuple(_output(o, binding) for o in node.outputs)
            return node.model_copy(update={"branches": branches, "outputs": outputs, "after": waits})
        case CleanupNode():
            body, cleanup = rewrite_body(node.body, binding, after), rewrite_body(node.cleanup, binding, after)
            return node.model_copy(update={"body": body, "cleanup": cleanup, "after": waits})


def _branch(branch: Branch, binding: BindingMap, after: AfterMap) -> Branch:
    condition = None if branch.condition is None else rewrite_condition(branch.condition, binding)
    return branch.model_copy(update={"condition": condition, "body": rewrite_body(branch.body, binding, after)})


def _output(output: BranchOutput, binding: BindingMap) -> BranchOutput:
    return output.model_copy(update={"sources": tuple(binding(s) for s in output.sources)})


def rewrite_condition(condition: Condition, binding: BindingMap) -> Condition:
    match condition:
        case Compare():
            return condition.model_copy(update={"left": binding(condition.left), "right": binding(condition.right)})
        case BoolOp():
            operands = tuple(rewrite_condition(c, binding) for c in condition.operands)
            return condition.model_copy(update={"operands": operands})
        case Not():
            return condition.model_copy(update={"operand": rewrite_condition(condition.operand, binding)})
        case Truthy():
            return condition.model_copy(update={"value": binding(condition.value)})

