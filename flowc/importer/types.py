"""Annotations in flowc's spelling: `List[int]` -> `list[int]`, `Optional[X]` -> `X | None`, for every SDK.

An SDK's own types (KFP's `Dataset`, ...) are mapped by the `special` hook the caller
passes; a bare `list` or `dict` has no item type and is reported (FLC907).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import libcst as cst

from flowc.importer.emit import source_of
from flowc.importer.module import ImportContext
from flowc.ir import codes

TYPING_CONTAINERS = {"typing.List": "list", "typing.Dict": "dict", "list": "list", "dict": "dict"}
Special = Callable[[cst.BaseExpression], "cst.BaseExpression | None"]


def flowc_type(expr: cst.BaseExpression, ctx: ImportContext, notes: list[str], special: Special | None = None) -> cst.BaseExpression:
    """`expr` as a flowc boundary type annotation; problems become notes."""
    mapped = special(expr) if special is not None else None
    if mapped is not None:
        return mapped
    if isinstance(expr, cst.Subscript):
        head = ctx.names.qualified(expr.value) or (expr.value.value if isinstance(expr.value, cst.Name) else "")
        inner = [flowc_type(e.slice.value, ctx, notes, special) if isinstance(e.slice, cst.Index) else e.slice for e in expr.slice]
        if head == "typing.Optional" and len(inner) == 1 and isinstance(inner[0], cst.BaseExpression):
            return cst.BinaryOperation(left=inner[0], operator=cst.BitOr(), right=cst.Name("None"))
        value = cst.Name(TYPING_CONTAINERS[head]) if head in TYPING_CONTAINERS else expr.value
        slices = [e.with_changes(slice=cst.Index(i)) if isinstance(i, cst.BaseExpression) else e for e, i in zip(expr.slice, inner, strict=True)]
        return expr.with_changes(value=value, slice=slices)
    if (isinstance(expr, cst.Name) and expr.value in ("list", "dict")) or ctx.names.qualified(expr) in ("typing.List", "typing.Dict"):
        notes.append(ctx.notes.add(codes.IMPORT_NEEDS_TYPE, expr, f"`{source_of(expr)}`", "its items have no type"))
    return expr


def named_tuple_class(function: str, fields: Sequence[tuple[str, cst.BaseExpression]], ctx: ImportContext) -> cst.ClassDef:
    """`class <Function>Outputs(NamedTuple):` with one annotated line per field: several results of a task."""
    ctx.typing_names.add("NamedTuple")
    name = "".join(part[:1].upper() + part[1:] for part in function.split("_") if part) + "Outputs"
    lines = [cst.SimpleStatementLine(body=[cst.AnnAssign(target=cst.Name(n), annotation=cst.Annotation(t))]) for n, t in fields]
    return cst.ClassDef(
        name=cst.Name(name), bases=[cst.Arg(cst.Name("NamedTuple"))], body=cst.IndentedBlock(body=lines),
        leading_lines=[cst.EmptyLine(), cst.EmptyLine()],
    )
