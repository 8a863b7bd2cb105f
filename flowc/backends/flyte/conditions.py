"""Lowered IR conditions as flytekit `conditional()` expressions.

What a condition means was decided by `flowc.ir.passes.conditions`: Flyte receives
comparisons of scalars (`== != < <= > >=`), joined with `&` and `|`, and renders
them as they are.
"""

from __future__ import annotations

from collections.abc import Callable

from flowc.ir.model import Binding, BoolOp, Compare, Condition
from flowc.ir.passes.conditions import NATIVE_OPS, NotLowered


def render_condition(cond: Condition, value: Callable[[Binding], str]) -> str:
    """Flytekit expression text for a lowered condition."""
    match cond:
        case Compare(op=op, left=left, right=right) if op in NATIVE_OPS:
            return f"({value(left)} {op} {value(right)})"
        case BoolOp(op=op, operands=operands):
            joiner = {"and": " & ", "or": " | "}[op]
            return "(" + joiner.join(render_condition(o, value) for o in operands) + ")"
        case _:
            raise NotLowered(cond)


def unwrap(expr: str) -> str:
    """`expr` without one pair of parentheses around all of it (for `.if_(...)`)."""
    if not (expr.startswith("(") and expr.endswith(")")):
        return expr
    depth = 0
    for i, ch in enumerate(expr):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and i < len(expr) - 1:
            return expr
    return expr[1:-1]
