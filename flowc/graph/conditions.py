"""Branch conditions as people read them: `n > 3`, `mode != 'short' and total > record`.

A condition in the IR compares bindings; here each binding is named as the pipeline
would name it: a parameter by its name, a loop's item by the loop variable, a step's
output as `step` or `step.field`, a literal as Python writes it.

>>> from flowc.ir.model import Compare, ParamBinding, ConstBinding, BoolOp, Not, Truthy, OutputBinding
>>> n_gt_3 = Compare(op=">", left=ParamBinding(name="n"), right=ConstBinding(value=3))
>>> condition_text(n_gt_3, {})
'n > 3'
>>> flag = Truthy(value=OutputBinding(node="check", field="ok"))
>>> condition_text(BoolOp(op="or", operands=(Not(operand=n_gt_3), flag)), {})
'not (n > 3) or check.ok'
"""

from __future__ import annotations

from collections.abc import Mapping

from flowc.ir.model import (
    Binding,
    BoolOp,
    Compare,
    Condition,
    ConstBinding,
    LoopItemBinding,
    Not,
    OutputBinding,
    ParamBinding,
    RunStatusBinding,
    Truthy,
)


def condition_text(condition: Condition, loop_vars: Mapping[str, str]) -> str:
    """`condition` as Python-like text; `loop_vars` maps loop ids to their variables."""
    match condition:
        case Compare(op=op, left=left, right=right):
            return f"{binding_text(left, loop_vars)} {op} {binding_text(right, loop_vars)}"
        case BoolOp(op=op, operands=operands):
            return f" {op} ".join(_operand_text(o, op, loop_vars) for o in operands)
        case Not(operand=operand):
            inner = condition_text(operand, loop_vars)
            return f"not {inner}" if isinstance(operand, Truthy | Not) else f"not ({inner})"
        case Truthy(value=value):
            return binding_text(value, loop_vars)


def _operand_text(operand: Condition, op: str, loop_vars: Mapping[str, str]) -> str:
    text = condition_text(operand, loop_vars)
    return f"({text})" if isinstance(operand, BoolOp) and operand.op != op else text


def binding_text(binding: Binding, loop_vars: Mapping[str, str]) -> str:
    """What a binding is called in the pipeline's source (a literal as its Python repr)."""
    match binding:
        case ConstBinding(value=value):
            return repr(value)
        case ParamBinding(name=name):
            return name
        case LoopItemBinding(loop=loop):
            return loop_vars.get(loop, loop)
        case OutputBinding(node=node, field=field):
            return f"{node}.{field}" if field else node
        case RunStatusBinding():
            return "run_status()"
