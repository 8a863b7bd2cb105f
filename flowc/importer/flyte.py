"""The flytekit importer: `@task`, `@workflow`, `map_task`, `conditional()`, LaunchPlan schedules.

Tasks keep their bodies and signatures (flytekit requires annotations); their options
are mapped in flyte_tasks.py. Workflows become `@pipeline`s (flyte_workflow.py), with
the cron schedule of a LaunchPlan made for them, and their `on_failure` handler task
in a `finally` block (flyte_failure.py). A `@dynamic` whose body a pipeline can hold
(flyte_dynamic.py) becomes a `@pipeline` too; other `@dynamic` bodies are Python that
runs on the engine, which a flowc pipeline cannot hold: they are noted.
"""

from __future__ import annotations

import libcst as cst

from flowc.importer.emit import Notes, comment_lines, commented_out, decorator, snippet
from flowc.importer.flyte_dynamic import pipeline_body
from flowc.importer.flyte_failure import Handler, failure_handlers, guarded, handler_task, on_failure_arg
from flowc.importer.flyte_tasks import OPTION_ORDER, launch_plan_schedules, task_options
from flowc.importer.flyte_workflow import translate_body
from flowc.importer.module import ImportContext, assemble, leading
from flowc.importer.names import ImportedNames
from flowc.importer.types import flowc_type
from flowc.ir import codes

FLYTE_ALIASES = {
    "flytekit.core.task.task": "flytekit.task",
    "flytekit.core.workflow.workflow": "flytekit.workflow",
    "flytekit.core.dynamic_workflow_task.dynamic": "flytekit.dynamic",
    "flytekit.core.launch_plan.LaunchPlan": "flytekit.LaunchPlan",
    "flytekit.core.condition.conditional": "flytekit.conditional",
    "flytekit.core.schedule.CronSchedule": "flytekit.CronSchedule",
    "flytekit.core.resources.Resources": "flytekit.Resources",
}


def translate(module: cst.Module, notes: Notes) -> cst.Module:
    """`module` (written with flytekit) rewritten into the flowc DSL; problems go to `notes`."""
    ctx = ImportContext(names=ImportedNames(module, FLYTE_ALIASES), notes=notes, sdk="flytekit", roots=("flytekit",))
    schedules = launch_plan_schedules(module, ctx)
    decorated = [(s, *_decorator(s, ctx)) for s in module.body if isinstance(s, cst.FunctionDef)]
    workflows = [(fn, deco) for fn, kind, deco in decorated if kind == "workflow" and deco is not None]
    handlers = failure_handlers(workflows, [fn for fn, kind, _ in decorated if kind == "task"])
    by_task = {h.task: h for h in handlers.values()}
    steps = {fn.name.value for fn, kind, _ in decorated if kind is not None}
    replaced: dict[int, list[cst.BaseStatement]] = {}
    for stmt, kind, deco in decorated:
        if kind == "task" and deco is not None:
            replaced[id(stmt)] = [_task(stmt, deco, ctx, by_task.get(stmt.name.value))]
        elif kind == "workflow" and deco is not None:
            replaced[id(stmt)] = [_workflow(stmt, deco, ctx, schedules.get(stmt.name.value), handlers.get(stmt.name.value))]
        elif kind == "dynamic" and deco is not None:
            replaced[id(stmt)] = [_dynamic(stmt, deco, ctx, steps)]
    for workflow, (_, call) in schedules.items():
        for stmt in module.body:
            if isinstance(stmt, cst.SimpleStatementLine) and call in [getattr(s, "value", None) for s in stmt.body]:
                replaced[id(stmt)] = [_launch_plan(stmt, call, workflow, ctx)]
    return assemble(module, ctx, replaced)


def _decorator(fn: cst.FunctionDef, ctx: ImportContext) -> tuple[str | None, cst.Decorator | None]:
    for deco in fn.decorators:
        target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
        found = ctx.sdk_name(target)
        if found in ("flytekit.task", "flytekit.workflow", "flytekit.dynamic"):
            return found.rsplit(".", 1)[-1], deco
    return None, None


def _task(fn: cst.FunctionDef, deco: cst.Decorator, ctx: ImportContext, handler: Handler | None) -> cst.FunctionDef:
    if handler is not None:
        fn = handler_task(fn, handler, ctx)
    found = task_options(deco.decorator.args if isinstance(deco.decorator, cst.Call) else (), ctx)
    new = decorator("task", [(k, found.options[k]) for k in OPTION_ORDER if k in found.options], like=deco)
    ctx.use("task")
    notes = found.notes
    params = [p.with_changes(annotation=cst.Annotation(flowc_type(p.annotation.annotation, ctx, notes))) if p.annotation else p for p in fn.params.params]
    returns = cst.Annotation(flowc_type(fn.returns.annotation, ctx, notes)) if fn.returns else cst.Annotation(cst.Name("None"))
    return fn.with_changes(
        decorators=[new if d is deco else d for d in fn.decorators], params=fn.params.with_changes(params=params), returns=returns,
        leading_lines=[*fn.leading_lines, *comment_lines(notes)],
    )


def _dynamic(fn: cst.FunctionDef, deco: cst.Decorator, ctx: ImportContext, steps: set[str]) -> cst.FunctionDef:
    """A `@pipeline` when its body is one (flyte_dynamic.py); else the function without its decorator, noted."""
    body = pipeline_body(fn, steps)
    if body is not None and isinstance(fn.body, cst.IndentedBlock):
        return _workflow(fn.with_changes(body=fn.body.with_changes(body=body)), deco, ctx, None, None, "@dynamic")
    note = ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, deco, f"@dynamic {fn.name.value}: its body runs on the engine")
    return fn.with_changes(leading_lines=[*fn.leading_lines, *comment_lines([note])], decorators=[d for d in fn.decorators if d is not deco])


def _workflow(
    fn: cst.FunctionDef, deco: cst.Decorator, ctx: ImportContext, schedule: tuple[cst.BaseExpression, cst.Call] | None, handler: Handler | None,
    written: str = "@workflow",
) -> cst.FunctionDef:
    args = deco.decorator.args if isinstance(deco.decorator, cst.Call) else ()
    mapped = on_failure_arg(deco) if handler is not None else None
    notes = [ctx.notes.add(codes.IMPORT_DROPPED_OPTION, a, f"`{snippet(a)}` of {written}") for a in args if a is not mapped]
    ctx.use("pipeline")
    new = decorator("pipeline", [("schedule", schedule[0])] if schedule else [], like=deco)
    body = fn.body
    assert isinstance(body, cst.IndentedBlock)
    params = [p.with_changes(annotation=cst.Annotation(flowc_type(p.annotation.annotation, ctx, notes))) if p.annotation else p for p in fn.params.params]
    returns = cst.Annotation(flowc_type(fn.returns.annotation, ctx, notes)) if fn.returns else cst.Annotation(cst.Name("None"))
    stmts = translate_body(body.body, ctx)
    if handler is not None:
        stmts = guarded(stmts, fn, handler, ctx)
    return fn.with_changes(
        decorators=[new if d is deco else d for d in fn.decorators], params=fn.params.with_changes(params=params), returns=returns,
        body=body.with_changes(body=stmts), leading_lines=[*fn.leading_lines, *comment_lines(notes)],
    )


def _launch_plan(stmt: cst.SimpleStatementLine, call: cst.Call, workflow: str, ctx: ImportContext) -> cst.BaseStatement:
    """The LaunchPlan commented out: its schedule went to the pipeline; its other arguments are noted."""
    notes = [
        ctx.notes.add(codes.IMPORT_DROPPED_OPTION, a, f"`{snippet(a)}` of the LaunchPlan of {workflow}")
        for a in call.args
        if a.keyword is not None and a.keyword.value not in ("workflow", "schedule", "name")
    ]
    lines = [f"# flowc import: LaunchPlan of {workflow}: its CronSchedule is the schedule of @pipeline {workflow}", *notes, *commented_out(stmt.with_changes(leading_lines=[]))]
    return cst.SimpleStatementLine(body=[cst.Pass()], leading_lines=[*leading(stmt), *comment_lines(lines)])
