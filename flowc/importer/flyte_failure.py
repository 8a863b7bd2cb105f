"""flytekit `@workflow(on_failure=handler)` -> `try: <body> finally: handler(..., err=run_status())`.

Flyte runs a failure handler (a task taking the workflow's inputs and an optional
`err: FlyteError`) once when the workflow failed; the run stays failed. A flowc
`finally` step runs after success too, so the handler task gets a `RunStatus` parameter
(its `err`, or a new `status`) and starts by returning when the `try` block did not
fail. `err.message` reads `error` and `err.failed_node_id` reads `failed_step`. A
handler that is a workflow, returns a value or belongs to a workflow other workflows
call (Flyte runs only the launched workflow's handler) stays noted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import libcst as cst

from flowc.importer.emit import docstring_count, keyword_arg, simple_line
from flowc.importer.module import ImportContext

FLYTE_ERROR_FIELDS = {"message": "error", "failed_node_id": "failed_step"}
ERR = "err"  # the input through which flytekit hands the handler its FlyteError


@dataclass(frozen=True)
class Handler:
    """A task that is some workflow's failure handler, and the parameter that takes the status."""

    task: str
    status: str
    adds_status: bool  # the task had no `err`: the parameter is new


def on_failure_arg(deco: cst.Decorator) -> cst.Arg | None:
    args = deco.decorator.args if isinstance(deco.decorator, cst.Call) else ()
    return next((a for a in args if a.keyword is not None and a.keyword.value == "on_failure"), None)


def failure_handlers(workflows: Sequence[tuple[cst.FunctionDef, cst.Decorator]], tasks: Sequence[cst.FunctionDef]) -> dict[str, Handler]:
    """Workflow name -> its handler, for each `on_failure=` that maps to a `finally` step."""
    by_name = {t.name.value: t for t in tasks}
    called = _called_in(fn for fn, _ in workflows)
    found: dict[str, Handler] = {}
    for fn, deco in workflows:
        arg = on_failure_arg(deco)
        handler = by_name.get(arg.value.value) if arg is not None and isinstance(arg.value, cst.Name) else None
        if handler is None or fn.name.value in called or not _returns_none(handler):
            continue
        names = {p.name.value for p in handler.params.params}
        status = ERR if ERR in names else _fresh("status", names)
        found[fn.name.value] = Handler(handler.name.value, status, adds_status=ERR not in names)
    return found


def _called_in(fns: Iterable[cst.FunctionDef]) -> set[str]:
    called: set[str] = set()

    class _Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if isinstance(node.func, cst.Name):
                called.add(node.func.value)

    for fn in fns:
        fn.body.visit(_Calls())
    return called


def _returns_none(fn: cst.FunctionDef) -> bool:
    ann = fn.returns.annotation if fn.returns is not None else None
    return ann is None or (isinstance(ann, cst.Name) and ann.value == "None")


def _fresh(name: str, taken: set[str]) -> str:
    while name in taken:
        name += "_"
    return name


def handler_task(fn: cst.FunctionDef, handler: Handler, ctx: ImportContext) -> cst.FunctionDef:
    """The handler task taking a RunStatus, returning at once when nothing failed."""
    status_type = cst.Annotation(ctx.use("RunStatus"))
    params = [
        p.with_changes(annotation=status_type, default=None, equal=cst.MaybeSentinel.DEFAULT) if p.name.value == handler.status else p
        for p in fn.params.params
    ]
    if handler.adds_status:
        params = [*params, cst.Param(name=cst.Name(handler.status), annotation=status_type)]
    body = fn.body.visit(_ErrorFields(handler.status))
    assert isinstance(body, cst.IndentedBlock)
    stmts = list(body.body)
    at = docstring_count(stmts)
    guard = cst.If(
        test=cst.UnaryOperation(operator=cst.Not(), expression=cst.Attribute(cst.Name(handler.status), cst.Name("failed"))),
        body=cst.IndentedBlock(body=[simple_line(cst.Return())]),
        leading_lines=[cst.EmptyLine(indent=True, comment=cst.Comment("# a failure handler: nothing to do when the workflow succeeded"))],
    )
    return fn.with_changes(params=fn.params.with_changes(params=params), body=body.with_changes(body=[*stmts[:at], guard, *stmts[at:]]))


class _ErrorFields(cst.CSTTransformer):
    """`err.message` -> `err.error`, `err.failed_node_id` -> `err.failed_step`."""

    def __init__(self, param: str) -> None:
        super().__init__()
        self.param = param

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.Attribute:
        value, attr = updated_node.value, updated_node.attr.value
        if isinstance(value, cst.Name) and value.value == self.param and attr in FLYTE_ERROR_FIELDS:
            return updated_node.with_changes(attr=cst.Name(FLYTE_ERROR_FIELDS[attr]))
        return updated_node


def guarded(body: list[cst.BaseStatement], workflow: cst.FunctionDef, handler: Handler, ctx: ImportContext) -> list[cst.BaseStatement]:
    """`body` in a `try` whose `finally` calls the handler as Flyte does (the workflow's inputs, and the status).

    A last `return` of values already made (no call) goes after the `try` block.
    """
    at = docstring_count(body)
    head, inner = body[:at], body[at:]
    tail: list[cst.BaseStatement] = []
    if inner and _plain_return(inner[-1]) and len(inner) > 1:
        tail, inner = [inner[-1]], inner[:-1]
    args = [keyword_arg(p.name.value, cst.Name(p.name.value)) for p in workflow.params.params]
    args.append(keyword_arg(handler.status, cst.Call(func=ctx.use("run_status"))))
    call = cst.Call(func=cst.Name(handler.task), args=args)
    final = cst.Finally(body=cst.IndentedBlock(body=[simple_line(cst.Expr(call))]))
    return [*head, cst.Try(body=cst.IndentedBlock(body=inner), finalbody=final), *tail]


def _plain_return(stmt: cst.BaseStatement) -> bool:
    """`return x` / `return a, b.c`: a return that makes no step."""
    small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
    if not isinstance(small, cst.Return):
        return False
    has_call = False

    class _Find(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            nonlocal has_call
            has_call = True

    small.visit(_Find())
    return not has_call
