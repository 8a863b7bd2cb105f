"""Lowered IR conditions as the CEL expressions of KFP's `triggerPolicy.condition`.

What a condition means was decided by `flowc.ir.passes.conditions`: this module
renders comparisons of scalars joined by `&&`/`||`, nothing else.

KFP evaluates a condition against the inputs of the task that carries it, written
`inputs.parameter_values['<input>']`. Values read from Struct-typed parameters are
doubles, so integer operands are wrapped in `int(...)` as the kfp SDK does.
Literals are rendered in the common subset of CEL and Python syntax (kfp.local
evaluates the same text with Python after substituting values).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from flowc.ir.model import Binding, BoolOp, Compare, Condition, ConstBinding
from flowc.ir.passes.conditions import NATIVE_OPS, NotLowered
from flowc.ir.types import ScalarType, Type
from flowc.backends.kfp.kfp_types import typed_value

# Resolves a runtime binding to the name of an input of the condition task (and its type).
InputOf = Callable[[Binding], tuple[str, Type]]


class UnsupportedCondition(ValueError):
    """A literal that CEL cannot express (NaN, infinities, nested objects)."""


def render(condition: Condition, input_of: InputOf) -> str:
    """The CEL text of a lowered condition (`flowc.ir.passes.conditions`): comparisons joined by and/or."""
    match condition:
        case Compare(op=op, left=left, right=right) if op in NATIVE_OPS:
            # A literal takes the type of the value it is compared with (CEL compares 2.0 and 2 apart).
            lhs = _operand(left, input_of, _type_of(right, input_of))
            rhs = _operand(right, input_of, _type_of(left, input_of))
            return f"{lhs} {op} {rhs}"
        case BoolOp(op=op, operands=operands):
            joiner = " && " if op == "and" else " || "
            return joiner.join(_grouped(o, input_of) for o in operands)
        case _:
            raise NotLowered(condition)


def _grouped(condition: Condition, input_of: InputOf) -> str:
    text = render(condition, input_of)
    return f"({text})" if isinstance(condition, BoolOp) else text


def _type_of(binding: Binding, input_of: InputOf) -> Type | None:
    return None if isinstance(binding, ConstBinding) else input_of(binding)[1]


def _operand(binding: Binding, input_of: InputOf, other: Type | None = None) -> str:
    if isinstance(binding, ConstBinding):
        return literal(binding.value if other is None else typed_value(binding.value, other))
    name, t = input_of(binding)
    ref = f"inputs.parameter_values[{literal(name)}]"
    return f"int({ref})" if t == ScalarType(name="int") else ref


def literal(value: Any) -> str:
    """A CEL literal that Python reads the same way."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            raise UnsupportedCondition(f"the literal {value!r}")
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"  # pyright: ignore[reportUnknownVariableType]
    raise UnsupportedCondition(f"a literal of type {type(value).__name__}")


def _string(s: str) -> str:
    out: list[str] = []
    for ch in s:
        if ch in "\\'":
            out.append("\\" + ch)
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif not ch.isprintable() or not ch.isascii():
            out.append(f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "'" + "".join(out) + "'"
