"""After an `if`: which names are usable (assigned in every arm, with an `else`), and
whether it returns (every arm returns)."""

from __future__ import annotations

import libcst as cst

from flowc.dsl.reader.bodyctx import BodyContext
from flowc.dsl.reader.returns import Returned, check_returned
from flowc.dsl.reader.scope import Body, Marker, Scope, Value
from flowc.ir import codes
from flowc.ir.model import Binding, Branch, BranchOutput, ConditionNode, OutputBinding, outputs_of
from flowc.ir.types import Type, is_assignable, render

RETURN_PREFIX = "return_"


def merge_branches(
    ctx: BodyContext,
    stmt: cst.If,
    cond_id: str,
    branches: list[Branch],
    scopes: list[Scope],
    returns: list[Returned | None],
    scope: Scope,
    out: Body,
) -> Returned | None:
    has_else = branches[-1].condition is None and len(branches) > 1
    outputs = _assigned(ctx, stmt, cond_id, scopes, scope, has_else)
    returned: Returned | None = None
    returning = [r for r in returns if r is not None]
    if returning and (len(returning) < len(returns) or not has_else):
        ctx.report(codes.PARTIAL_RETURN, ctx.span(stmt))
    elif returning:
        extra, returned = _returns(ctx, stmt, cond_id, returning)
        outputs.extend(extra)
    out.append(
        ConditionNode(id=cond_id, branches=tuple(branches), outputs=tuple(outputs), after=ctx.after, span=ctx.span(stmt))
    )
    return returned


def _assigned(
    ctx: BodyContext, stmt: cst.If, cond_id: str, scopes: list[Scope], scope: Scope, has_else: bool
) -> list[BranchOutput]:
    names = list(dict.fromkeys(n for s in scopes for n in s.names))
    outputs: list[BranchOutput] = []
    for name in names:
        found = [s.names.get(name) for s in scopes]
        values = [v for v in found if isinstance(v, Value) and v.binding is not None]
        if any(v is Marker.FAILED for v in found):
            scope.assign(name, Marker.FAILED)
        elif any(v is Marker.LOOP_LOCAL for v in found):
            scope.assign(name, Marker.LOOP_LOCAL)
        elif not has_else or len(values) != len(scopes):
            scope.assign(name, Marker.SOME_BRANCHES)
        else:
            merged = _merged_type(ctx, stmt, name, values)
            if merged is None:
                scope.assign(name, Marker.FAILED)
                continue
            sources = tuple(v.binding for v in values if v.binding is not None)
            outputs.append(BranchOutput(name=name, type=merged, sources=sources))
            scope.assign(name, Value(merged, OutputBinding(node=cond_id, field=name), name))
    return outputs


def _merged_type(ctx: BodyContext, stmt: cst.If, name: str, values: list[Value]) -> Type | None:
    """The type every branch's value fits (`int` and `float` merge to `float`)."""
    for candidate in values:
        if all(is_assignable(v.type, candidate.type) for v in values):
            return candidate.type
    other = next(v for v in values if not is_assignable(v.type, values[0].type))
    span = other.binding.span if other.binding is not None and other.binding.span else ctx.span(stmt)
    ctx.report(codes.BRANCH_TYPES, span, name, render(values[0].type), render(other.type))
    return None


def _returns(
    ctx: BodyContext, stmt: cst.If, cond_id: str, returning: list[Returned]
) -> tuple[list[BranchOutput], Returned]:
    span = ctx.span(stmt)
    if any(r.values is None for r in returning):
        return [], Returned(None, span)
    arities = {len(r.values or ()) for r in returning}
    if len(arities) != 1:
        ctx.report(codes.BAD_RETURN, span, "branches return different numbers of values")
        return [], Returned(None, span)
    declared = outputs_of(ctx.pipeline.returns)
    if not all([check_returned(ctx, r, ctx.pipeline.returns) for r in returning]):  # report every branch
        return [], Returned(None, span)
    outputs: list[BranchOutput] = []
    values: list[Value] = []
    for k in range(arities.pop()):
        column = [r.values[k] for r in returning if r.values is not None]
        merged = declared[k].type if k < len(declared) else column[0].type
        sources: tuple[Binding, ...] = tuple(v.binding for v in column if v.binding is not None)
        field = f"{RETURN_PREFIX}{k}"
        outputs.append(BranchOutput(name=field, type=merged, sources=sources))
        values.append(Value(merged, OutputBinding(node=cond_id, field=field, span=column[0].binding.span if column[0].binding else None), field))
    return outputs, Returned(tuple(values), span, merged=True)
