"""`return` in a pipeline: the values returned, matched against the declared result."""

from __future__ import annotations

from dataclasses import dataclass

from flowc.dsl.reader.bodyctx import BodyContext, with_span
from flowc.dsl.reader.failsites import Provider
from flowc.dsl.reader.scope import Value
from flowc.ir import codes
from flowc.ir.model import OutputBinding, PipelineResult, outputs_of
from flowc.ir.span import Span
from flowc.ir.types import NamedTupleType, TupleType, Type, is_assignable, render


@dataclass(frozen=True)
class Returned:
    """What one `return` gives back: its values (after expansion), or None when it had errors.

    A block that ends in `raise` `diverges`: it gives back nothing and never finishes;
    `raised` hands out the values its surroundings read from it (None when the raise
    had errors, already reported).
    """

    values: tuple[Value, ...] | None
    span: Span | None
    merged: bool = False  # from branches that each returned, already checked
    diverges: bool = False
    raised: Provider | None = None


def expand(values: list[Value], declared: Type) -> list[Value]:
    """`return step()` of a step with several outputs returns each of them."""
    if len(values) != 1 or len(outputs_of(declared)) <= 1 and not isinstance(declared, (NamedTupleType, TupleType)):
        return values
    v = values[0]
    if not isinstance(v.type, (NamedTupleType, TupleType)) or v.node is None:
        return values
    return [
        Value(o.type, OutputBinding(node=v.node, field=o.name), f"{v.label}.{o.name}", handle=v.handle)
        for o in outputs_of(v.type)
    ]


def check_returned(ctx: BodyContext, returned: Returned, declared: Type) -> bool:
    """Whether one `return`'s values match the declared result (FLC114 where not)."""
    outs = outputs_of(declared)
    values = returned.values
    if values is None:
        return False
    if len(values) != len(outs):
        got = "nothing" if not values else render(values[0].type) if len(values) == 1 else f"{len(values)} values"
        ctx.report(codes.RETURN_MISMATCH, returned.span, got, render(declared))
        return False
    ok = True
    for o, v in zip(outs, values):
        if v.binding is None or not is_assignable(v.type, o.type):
            span = v.binding.span if v.binding is not None and v.binding.span else returned.span
            ctx.report(codes.RETURN_MISMATCH, span, render(v.type), render(o.type))
            ok = False
    return ok


def results(ctx: BodyContext, returned: Returned | None, declared: Type) -> tuple[PipelineResult, ...]:
    """The pipeline's results; FLC114 when they do not match what it declares."""
    outs = outputs_of(declared)
    if returned is not None and returned.diverges:  # the body ends in a raise: it provides the results
        raised = returned.raised
        return () if raised is None else tuple(PipelineResult(name=o.name, type=o.type, binding=raised.provide(o.name, o.type)) for o in outs)
    if returned is None:
        if outs:
            ctx.report(codes.RETURN_MISMATCH, ctx.pipeline.span, "nothing", render(declared))
        return ()
    if returned.values is None or returned.merged and not returned.values:
        return ()
    if not returned.merged and not check_returned(ctx, returned, declared):
        return ()
    return tuple(
        PipelineResult(name=o.name, type=o.type, binding=v.binding)
        for o, v in zip(outs, returned.values)
        if v.binding is not None
    )


def located(values: list[Value], spans: list[Span | None]) -> tuple[Value, ...]:
    """Values with their bindings located at the returned expressions."""
    out: list[Value] = []
    for v, span in zip(values, spans):
        binding = with_span(v.binding, span) if v.binding is not None else None
        out.append(Value(v.type, binding, v.label, handle=v.handle, node=v.node))
    return tuple(out)
