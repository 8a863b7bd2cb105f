"""A result type for an unannotated task, inferred from its `return` statements.

Only when every `return` gives a literal of one boundary type: a string (f-strings
included), an int, a float, a bool, or a list literal whose items all have one such type.
Anything else stays unannotated and is reported (FLC907) as before: the importer never
guesses a type from code it would have to run.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

_SCALARS: tuple[tuple[type[cst.BaseExpression], str], ...] = (
    (cst.SimpleString, "str"), (cst.ConcatenatedString, "str"), (cst.FormattedString, "str"),
    (cst.Integer, "int"), (cst.Float, "float"),
)


def literal_type(expr: cst.BaseExpression) -> str | None:
    """The boundary type of a literal expression, or None when it is not a literal of one."""
    for kind, name in _SCALARS:
        if isinstance(expr, kind):
            return name
    if isinstance(expr, cst.Name) and expr.value in ("True", "False"):
        return "bool"
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Minus):
        inner = literal_type(expr.expression)
        return inner if inner in ("int", "float") else None
    if isinstance(expr, cst.List) and expr.elements:
        items = {literal_type(e.value) if isinstance(e, cst.Element) else None for e in expr.elements}
        (item,) = items if len(items) == 1 else (None,)
        return f"list[{item}]" if item is not None and not item.startswith("list") else None
    return None


def returned_type(returns: Sequence[cst.Return]) -> cst.BaseExpression | None:
    """The annotation every return's literal value shares, or None."""
    found = {literal_type(r.value) if r.value is not None else None for r in returns}
    if len(found) != 1:
        return None
    (name,) = found
    return cst.parse_expression(name) if name is not None else None
