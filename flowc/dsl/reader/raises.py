"""`raise SomeError("message")` in a pipeline body: a step that fails the run (`flowc.ir.failure`).

The raise ends its block as `return` does, so nothing follows it in that block; its
step fails the run with the exception and the message on every engine. Only a
built-in exception with one literal message can be raised: the message is text the
engine shows, known when compiling; anything computed belongs in a task.
"""

from __future__ import annotations

import libcst as cst

from flowc.dsl.reader.bodyctx import BodyContext
from flowc.dsl.reader.failsites import FailSite
from flowc.dsl.reader.identity import module_key
from flowc.dsl.reader.literals import NotLiteral, literal_value
from flowc.dsl.reader.options import OptionValues, task_options
from flowc.dsl.reader.returns import Returned
from flowc.dsl.reader.scope import Body
from flowc.ir import codes
from flowc.ir.failure import builtin_exception, failing_task
from flowc.ir.model import PythonTask, TaskNode, iter_nodes
from flowc.ir.names import fresh_name
from flowc.ir.task_options import ProjectDefaults


def read_raise(ctx: BodyContext, stmt: cst.Raise, out: Body) -> Returned:
    """The failing step of `stmt` appended to `out`; a block ending here diverges."""
    span = ctx.span(stmt)
    parsed = _exception_and_message(ctx, stmt)
    if parsed is None:
        return Returned((), span, diverges=True)
    exception, message = parsed
    node_id = ctx.ids.step("fail")
    module = ctx.info.syms.name
    taken = set(ctx.info.signatures) | {s.name for s in ctx.info.signatures.values()} | {f.task for f in ctx.fails}
    site = FailSite(node_id, fresh_name(f"{ctx.pipeline.definition.name}_{node_id}", taken), exception, message, span)
    ctx.fails.append(site)
    out.append(TaskNode(id=node_id, task=module_key(module, site.task), inputs=(), after=ctx.after, span=span))
    return Returned((), span, diverges=True, raised=site)


def failing_tasks(ctx: BodyContext, project: ProjectDefaults) -> list[PythonTask]:
    """The generated task of each raise of the pipeline `ctx` read; each runs as a bare `@task` would."""
    options = task_options(OptionValues(), "task", project)
    module = ctx.info.syms.name
    return [
        failing_task(site.task, site.exception, site.message, site.outputs, module=module, options=options, span=site.span)
        for site in ctx.fails
    ]


def _exception_and_message(ctx: BodyContext, stmt: cst.Raise) -> tuple[str, str] | None:
    """`("ValueError", "radius out of range")`, or None with the problem reported where it is."""
    exc = stmt.exc
    if exc is None:
        ctx.report(codes.BAD_RAISE, ctx.span(stmt), "a bare `raise` (a pipeline body has no exception to re-raise)")
        return None
    if stmt.cause is not None:
        ctx.report(codes.BAD_RAISE, ctx.span(stmt.cause.item), "`raise ... from ...`")
        return None
    func = exc.func if isinstance(exc, cst.Call) else exc
    if not isinstance(func, cst.Name) or not _builtin_exception(ctx, func.value):
        ctx.report(codes.RAISE_NOT_EXCEPTION, ctx.span(func), ctx.code(func))
        return None
    if not isinstance(exc, cst.Call):
        ctx.report(codes.BAD_RAISE, ctx.span(exc), f"`raise {func.value}` without a message")
        return None
    message = _message(ctx, exc)
    return None if message is None else (func.value, message)


def _message(ctx: BodyContext, call: cst.Call) -> str | None:
    args = call.args
    if len(args) != 1 or args[0].keyword is not None or args[0].star:
        ctx.report(codes.BAD_RAISE, ctx.span(call), "the exception takes one message, a literal string")
        return None
    try:
        value = literal_value(args[0].value, ctx.constants)
    except NotLiteral:
        value = None
    if not isinstance(value, str):
        ctx.report(codes.BAD_RAISE, ctx.span(args[0].value), "the message must be a literal string")
        return None
    return value


def _builtin_exception(ctx: BodyContext, name: str) -> bool:
    """A built-in exception class the module does not rebind at its top level."""
    shadowed = any(name in s.defines for s in ctx.info.syms.statements) or name in ctx.info.syms.imports
    return builtin_exception(name) and not shadowed


def wait_for_raises(ctx: BodyContext, out: Body, nodes_before: int, fails_before: int) -> None:
    """After a statement holding a raise, the rest of its block waits for that statement.

    In Python what follows a raise that happens never runs: the steps after an `if`
    one of whose arms raises (or a loop whose body does) wait for it, as under
    `with after(...)`, so the engine does not start them before the raise is decided.
    """
    fails = {site.node for site in ctx.fails[fails_before:]}
    if not fails:
        return
    holding = [n.id for n in out[nodes_before:] if n.id not in fails and any(x.id in fails for x in iter_nodes((n,)))]
    ctx.after = tuple(dict.fromkeys([*ctx.after, *holding]))
