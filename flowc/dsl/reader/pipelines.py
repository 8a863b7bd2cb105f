"""A `@pipeline` function's body to an IR `Pipeline`."""

from __future__ import annotations

from flowc.dsl.reader.bodyctx import BodyContext
from flowc.dsl.reader.conditions import ConditionReader
from flowc.dsl.reader.context import Diagnostics
from flowc.dsl.reader.expressions import ExpressionReader
from flowc.dsl.reader.positions import statements
from flowc.dsl.reader.project import ModuleInfo, Project
from flowc.dsl.reader.returns import results
from flowc.dsl.reader.scope import Body, Scope, Value
from flowc.dsl.reader.signatures import Signature
from flowc.dsl.reader.statements import StatementReader
from flowc.ir.model import ParamBinding, Pipeline


def read_pipeline(project: Project, info: ModuleInfo, sig: Signature, report: Diagnostics) -> tuple[Pipeline, BodyContext]:
    """The pipeline `sig` defines, its body read statement by statement."""
    definition = sig.definition
    try:
        info.syms.source.positions.pair_statements(statements(definition.node.body), definition.tree.body, deep=True)
    except RecursionError:  # absurdly deep expressions: what was paired keeps its span, the rest falls back
        pass
    ctx = BodyContext(project, info, sig, report, project.constants(info), fallback=sig.span)
    exprs = ExpressionReader(ctx)
    reader = StatementReader(ctx, exprs, ConditionReader(exprs))
    scope = Scope()
    for p in sig.params:
        scope.assign(p.name, Value(p.type, ParamBinding(name=p.name), p.name))
    body: Body = []
    returned = reader.block(statements(definition.node.body), scope, body, top=True)
    schedule = sig.options.values.get("schedule")
    pipeline = Pipeline(
        name=sig.name,
        params=sig.params,
        returns=sig.returns,
        results=results(ctx, returned, sig.returns),
        body=tuple(body),
        schedule=schedule if isinstance(schedule, str) else None,
        doc=sig.doc,
        module=info.syms.name,
        entry=info.given,
        span=sig.span,
    )
    return pipeline, ctx

