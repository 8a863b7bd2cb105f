"""`try: ... finally: ...` in a pipeline body (a `CleanupNode`, see `flowc.ir.cleanup`), and `run_status()`."""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from flowc.dsl.reader.bodyctx import BodyContext
from flowc.dsl.reader.positions import statements
from flowc.dsl.reader.returns import Returned
from flowc.dsl.reader.scope import Body, Scope, Value
from flowc.ir import codes
from flowc.ir.model import CleanupNode, RunStatusBinding, TaskNode
from flowc.ir.types import RUN_STATUS

if TYPE_CHECKING:
    from flowc.dsl.reader.statements import StatementReader

_KINDS = {
    "pipeline": "a sub-pipeline call",
    "loop": "a fan-out",
    "condition": "an `if` statement",
    "cleanup": "a `try` statement",
    "task": "a task call",
}


def read_try(reader: StatementReader, stmt: cst.Try | cst.TryStar, scope: Scope, out: Body) -> Returned | None:
    """A `CleanupNode`; `try/except` and `try/else` are reported once, and their `try` body read as plain steps."""
    ctx = reader.ctx
    problem = _try_problem(stmt)
    if problem is not None:
        node, what = problem
        ctx.report(codes.TRY_UNSUPPORTED, ctx.span(node), what)
        # The body's names stay defined: no cascade of undefined names after the `try`.
        return reader.block(statements(stmt.body), scope, out)
    assert isinstance(stmt, cst.Try) and stmt.finalbody is not None
    try_id = ctx.ids.numbered("try")
    body: Body = []
    returned = reader.block(statements(stmt.body), scope, body)
    cleanup: Body = []
    saved = ctx.cleanup
    ctx.cleanup = try_id
    in_finally = reader.block(statements(stmt.finalbody.body), scope, cleanup)
    ctx.cleanup = saved
    if in_finally is not None:
        ctx.report(codes.FINALLY_STATEMENT, in_finally.span, "`return`")
        returned = returned or in_finally  # reported once: no "returns nothing" after it
    for node in cleanup:
        if not isinstance(node, TaskNode):  # what every engine runs as its cleanup: steps
            ctx.report(codes.FINALLY_STATEMENT, node.span, _KINDS[node.kind])
    out.append(CleanupNode(id=try_id, body=tuple(body), cleanup=tuple(cleanup), after=ctx.after, span=ctx.span(stmt)))
    return returned


def run_status_value(ctx: BodyContext, expr: cst.Call) -> Value | None:
    """`run_status()`: the status of the `try` block whose `finally` block is being read."""
    if expr.args:
        ctx.report(codes.UNSUPPORTED_EXPRESSION, ctx.span(expr), "arguments to `run_status()`")
        return None
    if ctx.cleanup is None:
        ctx.report(codes.RUN_STATUS_OUTSIDE_FINALLY, ctx.span(expr))
        return None
    return Value(RUN_STATUS, RunStatusBinding(block=ctx.cleanup), "run_status()")


def _try_problem(stmt: cst.Try | cst.TryStar) -> tuple[cst.CSTNode, str] | None:
    if isinstance(stmt, cst.TryStar):
        return stmt.handlers[0], "`except*`"
    if stmt.handlers:
        return stmt.handlers[0], "`except`"
    if stmt.orelse is not None:
        return stmt.orelse, "`else`"
    return None
