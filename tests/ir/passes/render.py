"""A pipeline as indented lines of pseudo-Python, for readable before/after fixtures of IR passes.

    fit = fit(x=loop_1.item)
    loop_2 = for m in loop_1.output:
        score = score(m=loop_2.item)
        yield score.output
    total = total(xs=loop_2.output)  after(check)
    return output=total.output

A value is `node.output` (a single result or a fan-in list), `node.field`, a
parameter's name, `loop.item`, or a JSON literal; spans, types and keys are left out.
"""

from __future__ import annotations

import json

from flowc.ir.model import (
    Binding,
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
)

INDENT = "    "


def render_program(program: Program) -> str:
    """Every pipeline, each under a `pipeline <name>:` header."""
    return "\n".join(f"pipeline {p.name}:\n" + render_pipeline(p, 1) for p in program.pipelines)


def render_pipeline(pipeline: Pipeline, depth: int = 0) -> str:
    """The pipeline's body and results, one statement a line."""
    lines = render_body(pipeline.body, depth)
    if pipeline.results:
        results = ", ".join(f"{r.name}={value(r.binding)}" for r in pipeline.results)
        lines.append(INDENT * depth + f"return {results}")
    return "\n".join(lines) + "\n"


def render_body(body: tuple[Node, ...], depth: int = 0) -> list[str]:
    lines: list[str] = []
    for node in body:
        lines.extend(_node(node, depth))
    return lines


def value(binding: Binding) -> str:
    match binding:
        case ConstBinding(value=v):
            return json.dumps(v, sort_keys=True)
        case ParamBinding(name=name):
            return name
        case OutputBinding(node=node, field=field):
            return f"{node}.{field or 'output'}"
        case LoopItemBinding(loop=loop):
            return f"{loop}.item"


def condition(c: Condition) -> str:
    match c:
        case Compare(op=op, left=left, right=right):
            return f"{value(left)} {op} {value(right)}"
        case BoolOp(op=op, operands=operands):
            return "(" + f" {op} ".join(condition(o) for o in operands) + ")"
        case Not(operand=operand):
            return f"not {condition(operand)}"
        case Truthy(value=v):
            return value(v)


def _after(node: Node) -> str:
    return f"  after({', '.join(node.after)})" if node.after else ""


def _node(node: Node, depth: int) -> list[str]:
    pad = INDENT * depth
    match node:
        case TaskNode(task=callee, inputs=inputs) | PipelineNode(pipeline=callee, inputs=inputs):
            args = ", ".join(f"{i.name}={value(i.binding)}" for i in inputs)
            kind = "pipeline " if isinstance(node, PipelineNode) else ""
            return [f"{pad}{node.id} = {kind}{callee}({args}){_after(node)}"]
        case LoopNode():
            lines = [f"{pad}{node.id} = for {node.var} in {value(node.items)}:{_after(node)}"]
            lines += render_body(node.body, depth + 1)
            if node.result is not None:
                lines.append(f"{pad}{INDENT}yield {value(node.result)}")
            return lines
        case ConditionNode():
            return _condition_node(node, depth)


def _condition_node(node: ConditionNode, depth: int) -> list[str]:
    pad = INDENT * depth
    lines: list[str] = []
    for i, branch in enumerate(node.branches):
        if branch.condition is None:
            head = "else:"
        else:
            head = ("if " if i == 0 else "elif ") + condition(branch.condition) + ":"
        lines.append(f"{pad}{node.id} = {head}{_after(node)}" if i == 0 else f"{pad}{head}")
        lines += render_body(branch.body, depth + 1) or [f"{pad}{INDENT}pass"]
    for out in node.outputs:
        lines.append(f"{pad}{node.id}.{out.name} = one of [{', '.join(value(s) for s in out.sources)}]")
    return lines
