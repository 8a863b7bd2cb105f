"""flytekit `@task` options -> flowc task options, and the file's LaunchPlan schedules.

`container_image` -> `image`; `requests`/`limits` (`Resources(cpu, mem, gpu)`, limits
winning) -> `resources`; `retries`; `timeout` (a literal `timedelta` or seconds);
`cache=True` -> `cache=True` (`cache_version` is noted: flowc's cache key follows the
code); `environment` -> `env`. A `LaunchPlan` with a `CronSchedule` gives its workflow's
`@pipeline(schedule=...)`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.durations import seconds_text, timedelta_text
from flowc.importer.emit import keyword_arg, literal, literal_value, snippet
from flowc.importer.module import ImportContext
from flowc.ir import codes

OPTION_ORDER = ("image", "resources", "retries", "timeout", "cache", "env")
_RESOURCE_KEYS = {"cpu": "cpu", "mem": "memory", "memory": "memory", "gpu": "gpu"}
LAUNCH_PLAN_FACTORIES = ("flytekit.LaunchPlan.get_or_create", "flytekit.LaunchPlan.create", "flytekit.core.launch_plan.LaunchPlan.get_or_create")


@dataclass
class FlyteOptions:
    """A task's flowc options (as expressions) and the notes of what had no flowc form."""

    options: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})
    notes: list[str] = field(default_factory=lambda: [])


def _timeout(expr: cst.BaseExpression, ctx: ImportContext) -> str | None:
    ok, value = literal_value(expr)
    if ok and isinstance(value, int | float) and not isinstance(value, bool):
        return seconds_text(value)
    return timedelta_text(expr, ctx.names, ("datetime.timedelta",))


def _resources(expr: cst.BaseExpression, ctx: ImportContext, found: FlyteOptions) -> dict[str, object] | None:
    if not (isinstance(expr, cst.Call) and (ctx.sdk_name(expr.func) or "").endswith("Resources")):
        return None
    values: dict[str, object] = {}
    for arg in expr.args:
        key = arg.keyword.value if arg.keyword is not None else None
        ok, value = literal_value(arg.value)
        if key in _RESOURCE_KEYS and ok and value is not None:
            values[_RESOURCE_KEYS[key]] = int(str(value)) if key == "gpu" else str(value)
        else:
            found.notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of Resources"))
    return values


def task_options(args: Sequence[cst.Arg], ctx: ImportContext) -> FlyteOptions:
    found = FlyteOptions()
    resources: dict[str, object] = {}
    for arg in sorted(args, key=lambda a: a.keyword is not None and a.keyword.value == "limits"):  # limits win
        key = arg.keyword.value if arg.keyword is not None else None
        ok, value = literal_value(arg.value)
        if key == "container_image" and (ok and isinstance(value, str) or isinstance(arg.value, cst.Name)):
            found.options["image"] = arg.value
        elif key in ("requests", "limits") and (given := _resources(arg.value, ctx, found)) is not None:
            resources.update(given)
        elif key == "retries" and ok:
            found.options["retries"] = arg.value
        elif key == "timeout" and _timeout(arg.value, ctx) is not None:
            found.options["timeout"] = literal(_timeout(arg.value, ctx))
        elif key == "cache" and ok and isinstance(value, bool):
            if value:
                found.options["cache"] = cst.Name("True")
        elif key == "environment" and ok and isinstance(value, dict):
            found.options["env"] = arg.value
        else:
            found.notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of @task"))
    if resources:
        found.options["resources"] = cst.Call(func=ctx.use("Resources"), args=[keyword_arg(k, literal(resources[k])) for k in ("cpu", "memory", "gpu") if k in resources])
    return found


def launch_plan_schedules(module: cst.Module, ctx: ImportContext) -> dict[str, tuple[cst.BaseExpression, cst.Call]]:
    """Workflow name -> (its cron schedule, the LaunchPlan call), from top-level `LaunchPlan.get_or_create(...)`."""
    found: dict[str, tuple[cst.BaseExpression, cst.Call]] = {}
    for stmt in module.body:
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) else None
        call = small.value if isinstance(small, cst.Assign | cst.Expr) else None
        if not (isinstance(call, cst.Call) and ctx.sdk_name(call.func) in LAUNCH_PLAN_FACTORIES):
            continue
        args = {("workflow" if a.keyword is None and i == 0 else (a.keyword.value if a.keyword else "")): a.value for i, a in enumerate(call.args)}
        workflow, schedule = args.get("workflow"), args.get("schedule")
        cron = _cron(schedule, ctx) if schedule is not None else None
        if isinstance(workflow, cst.Name) and cron is not None and workflow.value not in found:
            found[workflow.value] = (cron, call)
    return found


def _cron(expr: cst.BaseExpression, ctx: ImportContext) -> cst.BaseExpression | None:
    if not (isinstance(expr, cst.Call) and (ctx.sdk_name(expr.func) or "").endswith("CronSchedule")):
        return None
    for arg in expr.args:
        key = arg.keyword.value if arg.keyword is not None else "schedule"
        if key in ("schedule", "cron_expression") and isinstance(literal_value(arg.value)[1], str):
            return arg.value
    return None
