"""After an `if`: which names are usable (assigned in every arm, with an `else`), and
whether it returns (every arm returns). An arm that raises never finishes: it needs
to assign or return nothing, and its raise provides what the other arms give."""

from __future__ import annotations

import dataclasses

import libcst as cst

from flowc.dsl.reader.bodyctx import BodyContext
from flowc.dsl.reader.failsites import Provider, RaisingIf
from flowc.dsl.reader.returns import Returned, check_returned
from flowc.dsl.reader.scope import Body, Marker, Scope, Value
from flowc.ir import codes
from flowc.ir.model import Binding, Branch, BranchOutput, ConditionNode, ConstBinding, Node, OutputBinding, iter_nodes, outputs_of
from flowc.ir.types import Type, is_assignable, render

RETURN_PREFIX = "return_"


def merge_branches(
    ctx: BodyContext,
    stmt: cst.If,
    cond_id: str,
    branches: list[Branch],
    bodies: list[Body],
    scopes: list[Scope],
    returns: list[Returned | None],
    scope: Scope,
    out: Body,
) -> Returned | None:
    """The `if`'s node appended to `out`, its outputs in `scope`; what it returns, if it does.

    An arm's body is final only here: a raise in it may add outputs to its own nodes.
    """
    has_else = branches[-1].condition is None and len(branches) > 1
    raised = [r.raised if r is not None and r.diverges else None for r in returns]
    live = [i for i, r in enumerate(returns) if r is None or not r.diverges]  # arms that do not raise
    if has_else and not live:
        return _all_raise(ctx, stmt, cond_id, branches, bodies, raised, out)
    outputs = _assigned(ctx, stmt, cond_id, scopes, raised, live, scope, has_else)
    returned: Returned | None = None
    returning = [returns[i] for i in live if returns[i] is not None]
    if returning and (len(returning) < len(live) or not has_else):
        ctx.report(codes.PARTIAL_RETURN, ctx.span(stmt))
    elif returning:
        extra, returned = _returns(ctx, stmt, cond_id, returns)
        outputs.extend(extra)
    branches = [dataclasses.replace(b, body=tuple(body)) for b, body in zip(branches, bodies)]
    if not has_else and any(raises_in(b.body, ctx) for b in branches):
        branches.append(Branch(condition=None, body=()))  # see `raises_in`
    out.append(
        ConditionNode(id=cond_id, branches=tuple(branches), outputs=tuple(outputs), after=ctx.after, span=ctx.span(stmt))
    )
    return returned


def _all_raise(
    ctx: BodyContext, stmt: cst.If, cond_id: str, branches: list[Branch], bodies: list[Body],
    raised: list[Provider | None], out: Body,
) -> Returned:
    """An `if` every arm of which raises: it raises too, yielding what is asked of it through its arms."""
    filled = tuple(dataclasses.replace(b, body=tuple(body)) for b, body in zip(branches, bodies))
    out.append(ConditionNode(id=cond_id, branches=filled, after=ctx.after, span=ctx.span(stmt)))
    arms = tuple(r for r in raised if r is not None)
    provider = RaisingIf(out, len(out) - 1, arms, tuple(bodies)) if len(arms) == len(raised) else None
    return Returned((), ctx.span(stmt), diverges=True, raised=provider)


def _source(raised: Provider | None, value: Value | None, name: str, type: Type) -> Binding:
    """Arm's source of output `name`: its value, or what its raise provides (a placeholder after errors)."""
    if value is not None and value.binding is not None:
        return value.binding
    return raised.provide(name, type) if raised is not None else ConstBinding(value=None)


def _assigned(
    ctx: BodyContext, stmt: cst.If, cond_id: str, scopes: list[Scope], raised: list[Provider | None], live: list[int],
    scope: Scope, has_else: bool,
) -> list[BranchOutput]:
    """The names assigned in every arm that does not raise (an arm that raises assigns nothing)."""
    names = list(dict.fromkeys(n for i in live for n in scopes[i].names))
    outputs: list[BranchOutput] = []
    for name in names:
        found = [scopes[i].names.get(name) for i in live]
        values = [v for v in found if isinstance(v, Value) and v.binding is not None]
        if any(v is Marker.FAILED for v in found):
            scope.assign(name, Marker.FAILED)
        elif any(v is Marker.LOOP_LOCAL for v in found):
            scope.assign(name, Marker.LOOP_LOCAL)
        elif not has_else or len(values) != len(live):
            scope.assign(name, Marker.SOME_BRANCHES)
        else:
            merged = _merged_type(ctx, stmt, name, values)
            if merged is None:
                scope.assign(name, Marker.FAILED)
                continue
            by_arm = dict(zip(live, values))
            sources = tuple(_source(r, by_arm.get(i), name, merged) for i, r in enumerate(raised))
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
    ctx: BodyContext, stmt: cst.If, cond_id: str, returns: list[Returned | None]
) -> tuple[list[BranchOutput], Returned]:
    """The values an `if` returns when every arm returns or raises (an arm that raises provides them)."""
    span = ctx.span(stmt)
    returning = [r for r in returns if r is not None and not r.diverges]
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
        field = f"{RETURN_PREFIX}{k}"
        sources = tuple(_returned_source(r, k, field, merged) for r in returns)
        outputs.append(BranchOutput(name=field, type=merged, sources=sources))
        values.append(Value(merged, OutputBinding(node=cond_id, field=field, span=column[0].binding.span if column[0].binding else None), field))
    return outputs, Returned(tuple(values), span, merged=True)


def _returned_source(returned: Returned | None, k: int, field: str, type: Type) -> Binding:
    """An arm's `k`-th returned value, or what its raise provides."""
    if returned is not None and returned.diverges:
        return _source(returned.raised, None, field, type)
    values = returned.values if returned is not None else None
    return _source(None, values[k] if values is not None and k < len(values) else None, field, type)


def raises_in(body: tuple[Node, ...], ctx: BodyContext) -> bool:
    """Whether `body` holds a raise's step. An `if` that may raise gets an empty `else` if it has
    none: what follows waits for the `if` (`raises.wait_for_raises`), and on a KFP server an
    `if` none of whose arms ran is skipped, not succeeded (the condition DAG's Argo `when`), so
    what waits for it (`depends: <task>.Succeeded`, backend/src/v2/compiler/argocompiler/dag.go)
    would never run; an `if/else` group always finishes."""
    fails = {site.node for site in ctx.fails}
    return any(n.id in fails for n in iter_nodes(body))
