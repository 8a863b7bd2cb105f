"""`if` tests: comparisons, `and`/`or`/`not` and bare values, to IR conditions."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from flowc.dsl.reader.bodyctx import with_span
from flowc.dsl.reader.expressions import ExpressionReader
from flowc.dsl.reader.positions import bool_operands
from flowc.dsl.reader.scope import Body, Scope, Value
from flowc.ir import codes
from flowc.ir.model import BoolOp, Compare, CompareOp, Condition, Not, Truthy
from flowc.ir.types import (
    BOOL,
    FLOAT,
    INT,
    NONE,
    STR,
    ArtifactType,
    DictType,
    ListType,
    OptionalType,
    Type,
    contains_artifact,
    is_assignable,
    render,
)

_OPS: dict[type[cst.BaseCompOp], CompareOp] = {
    cst.Equal: "==",
    cst.NotEqual: "!=",
    cst.LessThan: "<",
    cst.LessThanEqual: "<=",
    cst.GreaterThan: ">",
    cst.GreaterThanEqual: ">=",
    cst.In: "in",
    cst.NotIn: "not in",
}


@dataclass
class ConditionReader:
    """Reads one `if`/`elif` test; calls inside it become steps before the condition."""

    exprs: ExpressionReader

    def read(self, expr: cst.BaseExpression, scope: Scope, out: Body) -> Condition | None:
        ctx = self.exprs.ctx
        span = ctx.span(expr)
        if isinstance(expr, cst.Comparison):
            return self._comparison(expr, scope, out)
        if isinstance(expr, cst.BooleanOperation):
            parts = [self.read(e, scope, out) for e in bool_operands(expr)]
            if any(p is None for p in parts):
                return None
            op = "and" if isinstance(expr.operator, cst.And) else "or"
            return BoolOp(op=op, operands=tuple(p for p in parts if p is not None), span=span)
        if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
            inner = self.read(expr.expression, scope, out)
            return Not(operand=inner, span=span) if inner is not None else None
        v = self._operand(expr, scope, out)
        if v is None:
            return None
        if contains_artifact(v.type):
            ctx.report(codes.BAD_CONDITION, span, f"an artifact ({render(v.type)}) is not a condition")
            return None
        assert v.binding is not None
        return Truthy(value=with_span(v.binding, span), span=span)

    def _operand(self, expr: cst.BaseExpression, scope: Scope, out: Body) -> Value | None:
        v = self.exprs.value(expr, scope, out)
        if v is None or not self.exprs.usable(v, expr):
            return None
        return v

    def _comparison(self, expr: cst.Comparison, scope: Scope, out: Body) -> Condition | None:
        ctx = self.exprs.ctx
        exprs = [expr.left, *(c.comparator for c in expr.comparisons)]
        values = [self._operand(e, scope, out) for e in exprs]
        compares: list[Condition] = []
        failed = any(v is None for v in values)
        for i, target in enumerate(expr.comparisons):
            op = _OPS.get(type(target.operator))
            if op is None:
                what = ctx.code(target.operator) or type(target.operator).__name__
                ctx.report(codes.BAD_CONDITION, ctx.span(expr), f"the `{what}` operator")
                failed = True
                continue
            left, right = values[i], values[i + 1]
            if left is None or right is None:
                continue
            if not comparable(op, _type_of(left), _type_of(right)):
                ctx.report(codes.CONDITION_TYPE, ctx.span(expr), render(_type_of(left)), render(_type_of(right)))
                failed = True
                continue
            assert left.binding is not None and right.binding is not None
            compares.append(
                Compare(
                    op=op,
                    left=with_span(left.binding, ctx.span(exprs[i])),
                    right=with_span(right.binding, ctx.span(exprs[i + 1])),
                    span=ctx.span(expr) if len(expr.comparisons) == 1 else None,
                )
            )
        if failed:
            return None
        if len(compares) == 1:
            return compares[0]
        return BoolOp(op="and", operands=tuple(compares), span=ctx.span(expr))


def _type_of(v: Value) -> Type:
    return v.type


def _strip(t: Type) -> Type:
    return t.inner if isinstance(t, OptionalType) else t


def comparable(op: CompareOp, left: Type, right: Type) -> bool:
    """Whether `left op right` makes sense for boundary values of these types."""
    if contains_artifact(left) or contains_artifact(right):
        return False
    if op in ("in", "not in"):
        r = _strip(right)
        if isinstance(r, ListType):
            return comparable("==", left, r.item)
        if isinstance(r, DictType) or r == STR:
            return _strip(left) == STR
        return False
    if op in ("==", "!="):
        if NONE in (left, right):
            return True
        return is_assignable(left, right) or is_assignable(right, left) or _numeric(left) and _numeric(right)
    l, r = _strip(left), _strip(right)
    return (_numeric(l) and _numeric(r)) or (l == STR and r == STR)


def _numeric(t: Type) -> bool:
    return _strip(t) in (INT, FLOAT, BOOL) and not isinstance(t, ArtifactType)
