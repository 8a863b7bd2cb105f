"""Literal values written in source (and module-level literal constants) as JSON values."""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
from flowc.ir.base import JsonValue

from flowc.ir.types import (
    BOOL,
    FLOAT,
    INT,
    NONE,
    STR,
    ArtifactType,
    DictType,
    ListType,
    NoneType,
    OptionalType,
    ScalarType,
    Type,
    render,
)

MAX_CONSTANT_DEPTH = 32


class NotLiteral(Exception):
    """`node` (inside the expression being evaluated) is not a literal."""

    def __init__(self, node: cst.CSTNode) -> None:
        super().__init__(type(node).__name__)
        self.node = node


ConstantLookup = Callable[[str], "cst.BaseExpression | None"]


def literal_value(expr: cst.BaseExpression, constants: ConstantLookup, depth: int = 0) -> JsonValue:
    """The JSON value of a literal expression; raises NotLiteral at the first non-literal part."""
    if depth > MAX_CONSTANT_DEPTH:
        raise NotLiteral(expr)
    match expr:
        case cst.Integer():
            return int(expr.value.replace("_", ""), 0)
        case cst.Float():
            return float(expr.value.replace("_", ""))
        case cst.SimpleString() | cst.ConcatenatedString():
            return _string(expr)
        case cst.Name(value="True"):
            return True
        case cst.Name(value="False"):
            return False
        case cst.Name(value="None"):
            return None
        case cst.Name():
            found = constants(expr.value)
            if found is None:
                raise NotLiteral(expr)
            try:
                return literal_value(found, constants, depth + 1)
            except NotLiteral:
                raise NotLiteral(expr) from None
        case cst.UnaryOperation(operator=cst.Minus() | cst.Plus()):
            return _signed(expr, constants, depth)
        case cst.List() | cst.Tuple():
            return [_element(e, constants, depth) for e in expr.elements]
        case cst.Dict():
            return _dict(expr, constants, depth)
        case _:
            raise NotLiteral(expr)


def _string(expr: cst.SimpleString | cst.ConcatenatedString) -> str:
    try:
        value = expr.evaluated_value
    except Exception:  # f-strings inside a concatenation, odd escapes
        raise NotLiteral(expr) from None
    if not isinstance(value, str):
        raise NotLiteral(expr)
    return value


def _signed(expr: cst.UnaryOperation, constants: ConstantLookup, depth: int) -> JsonValue:
    inner = expr.expression
    if not isinstance(inner, (cst.Integer, cst.Float)) or inner.lpar:
        raise NotLiteral(expr)
    value = literal_value(inner, constants, depth)
    assert isinstance(value, (int, float))
    return -value if isinstance(expr.operator, cst.Minus) else value


def _element(element: cst.BaseElement, constants: ConstantLookup, depth: int) -> JsonValue:
    if isinstance(element, cst.StarredElement):
        raise NotLiteral(element)
    return literal_value(element.value, constants, depth)


def _dict(expr: cst.Dict, constants: ConstantLookup, depth: int) -> JsonValue:
    out: dict[str, JsonValue] = {}
    for element in expr.elements:
        if not isinstance(element, cst.DictElement):
            raise NotLiteral(element)
        key = literal_value(element.key, constants, depth)
        if not isinstance(key, str):
            raise NotLiteral(element.key)
        out[key] = literal_value(element.value, constants, depth)
    return out


def literal_type(value: JsonValue) -> Type | None:
    """The boundary type a literal has on its own (`[1, 2.5]` is `list[float]`), if any."""
    if value is None:
        return NONE
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    if isinstance(value, float):
        return FLOAT
    if isinstance(value, str):
        return STR
    if isinstance(value, list):
        item = _join([literal_type(v) for v in value])
        return ListType(item=item) if item is not None else None
    item = _join([literal_type(v) for v in value.values()])
    return DictType(value=item) if item is not None else None


def _join(types: list[Type | None]) -> Type | None:
    if not types:
        return STR  # an empty literal; `fits` decides where it may go
    if any(t is None for t in types):
        return None
    known = [t for t in types if t is not None and not isinstance(t, NoneType)]
    has_none = len(known) < len(types)
    if not known:
        return NONE
    first = known[0]
    if all(t == first for t in known):
        joined: Type = first
    elif all(t in (INT, FLOAT) for t in known):
        joined = FLOAT
    else:
        return None
    return OptionalType(inner=joined) if has_none else joined


def fits(value: JsonValue, target: Type) -> bool:
    """Whether the literal `value` is a valid value of `target` (an int is a float)."""
    match target:
        case OptionalType(inner=inner):
            return value is None or fits(value, inner)
        case ScalarType(name="str"):
            return isinstance(value, str)
        case ScalarType(name="bool"):
            return isinstance(value, bool)
        case ScalarType(name="int"):
            return isinstance(value, int) and not isinstance(value, bool)
        case ScalarType(name="float"):
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        case ListType(item=item):
            return isinstance(value, list) and all(fits(v, item) for v in value)
        case DictType(value=inner):
            return isinstance(value, dict) and all(fits(v, inner) for v in value.values())
        case ArtifactType():
            return False
        case _:
            return False


def describe(value: JsonValue) -> str:
    """How a literal is named in messages: its type, or `None`."""
    t = literal_type(value)
    if t is None:
        return "list" if isinstance(value, list) else "dict" if isinstance(value, dict) else "a literal"
    return render(t)
