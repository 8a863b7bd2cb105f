"""IR conditions as flytekit `conditional()` expressions.

Flyte compares promises with `== != < <= > >=` and joins comparisons with `&` and
`|`; it has no `not` and no `in`. `not` is pushed down to the comparisons (De
Morgan, inverted operators); `x in [a, b]` against a literal list becomes
`(x == a) | (x == b)`. What is still left is reported, never guessed.
"""

from __future__ import annotations

from collections.abc import Callable

from flowc.codegen.literals import py_literal
from flowc.ir.model import Binding, BoolOp, Compare, Condition, ConstBinding, Not, Truthy

INVERSE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<", "in": "not in", "not in": "in"}


class Unsupported(Exception):
    """A condition Flyte cannot express; the message says which part."""


def render_condition(cond: Condition, value: Callable[[Binding], str], negate: bool = False) -> str:
    """Flytekit expression text for `cond` (negated when `negate`)."""
    match cond:
        case Compare(op=op, left=left, right=right):
            return _compare(INVERSE[op] if negate else op, left, right, value)
        case BoolOp(op=op, operands=operands):
            joiner = {"and": " & ", "or": " | "}[op]
            if negate:
                joiner = " | " if op == "and" else " & "
            return "(" + joiner.join(render_condition(o, value, negate) for o in operands) + ")"
        case Not(operand=operand):
            return render_condition(operand, value, not negate)
        case Truthy(value=binding):
            if isinstance(binding, ConstBinding):
                raise Unsupported("a condition on a literal")
            return f"{value(binding)}.{'is_false' if negate else 'is_true'}()"


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


def _compare(op: str, left: Binding, right: Binding, value: Callable[[Binding], str]) -> str:
    if op in ("in", "not in"):
        if not isinstance(right, ConstBinding) or not isinstance(right.value, list) or not right.value:
            raise Unsupported(f"`{op}` with anything but a non-empty literal list on its right")
        if isinstance(left, ConstBinding):
            raise Unsupported(f"`{op}` with a literal on its left")
        eq, joiner = ("==", " | ") if op == "in" else ("!=", " & ")
        parts = [f"({value(left)} {eq} {py_literal(v)})" for v in right.value]
        return "(" + joiner.join(parts) + ")"
    if isinstance(left, ConstBinding) and isinstance(right, ConstBinding):
        raise Unsupported("a comparison of two literals")
    return f"({value(left)} {op} {value(right)})"
