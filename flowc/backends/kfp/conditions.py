"""IR conditions as the CEL expressions of KFP's `triggerPolicy.condition`.

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

from flowc.ir.model import BoolOp, Compare, Condition, ConstBinding, Not, Truthy
from flowc.ir.types import ListType, ScalarType, Type
from flowc.backends.kfp.kfp_types import typed_value

from flowc.ir.model import Binding

# Resolves a runtime binding to the name of an input of the condition task (and its type).
InputOf = Callable[[Binding], tuple[str, Type]]


class UnsupportedCondition(ValueError):
    """A literal that CEL cannot express (NaN, infinities, nested objects)."""


def render(condition: Condition, input_of: InputOf) -> str:
    match condition:
        case Compare(op=op, left=left, right=right):
            # A literal takes the type of the value it is compared with (CEL compares 2.0 and 2 apart).
            membership = op in ("in", "not in")
            lhs = _operand(left, input_of, _type_of(right, input_of), from_list=membership)
            rhs = _operand(right, input_of, _type_of(left, input_of), to_list=membership)
            if op == "not in":
                return f"!({lhs} in {rhs})"
            return f"{lhs} {op} {rhs}"
        case BoolOp(op=op, operands=operands):
            joiner = " && " if op == "and" else " || "
            return joiner.join(_grouped(o, input_of) for o in operands)
        case Not(operand=operand):
            return f"!({render(operand, input_of)})"
        case Truthy(value=value):
            return _truthy(value, input_of)


def _grouped(condition: Condition, input_of: InputOf) -> str:
    text = render(condition, input_of)
    return f"({text})" if isinstance(condition, BoolOp) else text


def _type_of(binding: Binding, input_of: InputOf) -> Type | None:
    return None if isinstance(binding, ConstBinding) else input_of(binding)[1]


def _operand(
    binding: Binding, input_of: InputOf, other: Type | None = None, *, from_list: bool = False, to_list: bool = False
) -> str:
    if isinstance(binding, ConstBinding):
        target = other
        if other is not None and from_list:
            target = other.item if isinstance(other, ListType) else None
        elif other is not None and to_list:
            target = ListType(item=other)
        return literal(binding.value if target is None else typed_value(binding.value, target))
    name, t = input_of(binding)
    ref = f"inputs.parameter_values[{literal(name)}]"
    return f"int({ref})" if t == ScalarType(name="int") else ref


def _truthy(binding: Binding, input_of: InputOf) -> str:
    if isinstance(binding, ConstBinding):
        return "true" if binding.value else "false"
    name, t = input_of(binding)
    ref = f"inputs.parameter_values[{literal(name)}]"
    match t:
        case ScalarType(name="bool"):
            return f"{ref} == true"
        case ScalarType(name="str"):
            return f"{ref} != ''"
        case ScalarType(name="int" | "float"):
            return f"{ref} != 0"
        case ListType():
            return f"{ref} != []"
        case _:
            return f"{ref} != null"


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
