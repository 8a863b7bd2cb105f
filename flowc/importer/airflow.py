"""The Airflow importer: TaskFlow `@dag`/`@task`, `with DAG(...)` blocks, PythonOperator and `>>`.

A DAG becomes a `@pipeline` function (a `@dag` function keeps its name and parameters;
a `with DAG("id")` block becomes `def id()`), its task functions move to module level
before it, and module-level functions that PythonOperators call become tasks in place.
DAG options: `schedule` (a cron string or preset), `dag_id` (`name=`), `description`
(the docstring), `default_args` (`retries`, `execution_timeout` for every task), `params`
(pipeline parameters, airflow_params.py); the rest (`start_date`, `catchup`, `tags`, ...)
has no flowc meaning and is noted. `@task_group` functions become sub-pipelines; `with
TaskGroup(...)` blocks are flattened (airflow_dag.py).
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.airflow_context import AIRFLOW_ALIASES, PYTHON_OPERATOR, AirflowContext, AirflowTask
from flowc.importer.airflow_dag import DagBody
from flowc.importer.airflow_params import dag_params
from flowc.importer.airflow_tasks import TaskDraft, draft_task, duration, finish_task, top_level_lines, typed_callable
from flowc.importer.airflow_xcom import operator_task_ids, without_pulls
from flowc.importer.emit import Notes, comment_lines, decorator, docstring, literal, literal_value, snippet
from flowc.importer.module import assemble, leading
from flowc.importer.names import ImportedNames
from flowc.importer.types import flowc_type
from flowc.ir import codes

DAG_CLASS = "airflow.sdk.DAG"


def translate(module: cst.Module, notes: Notes) -> cst.Module:
    """`module` (an Airflow DAG file) rewritten into the flowc DSL; problems go to `notes`."""
    ctx = AirflowContext(names=ImportedNames(module, AIRFLOW_ALIASES), notes=notes, sdk="airflow", roots=("airflow",))
    ctx.operator_ids = operator_task_ids(module, lambda func: ctx.is_sdk_name(func, PYTHON_OPERATOR))
    module = _hoisted_callables(module, ctx)
    plain = {s.name.value: _pulled(s, ctx) for s in module.body if isinstance(s, cst.FunctionDef) and not s.decorators}
    ctx.infer_types(module.with_changes(body=[plain.get(s.name.value, s) if isinstance(s, cst.FunctionDef) else s for s in module.body]))
    callables = {name: TaskDraft(fn=fn, task=AirflowTask(name, name)) for name, fn in plain.items()}
    replaced: dict[int, list[cst.BaseStatement]] = {}
    top_tasks: dict[int, tuple[TaskDraft, cst.Decorator]] = {}
    for stmt in module.body:
        found = ctx.task_decorator(stmt) if isinstance(stmt, cst.FunctionDef) else None
        if isinstance(stmt, cst.FunctionDef) and found is not None:
            draft = draft_task(stmt, found[0], found[1], ctx, {})
            ctx.tasks[stmt.name.value] = draft.task
            top_tasks[id(stmt)] = (draft, found[0])
    groups = [s for s in module.body if isinstance(s, cst.FunctionDef) and ctx.group_decorator(s) is not None]
    ctx.group_functions.update(g.name.value for g in groups)
    for group in groups:
        replaced[id(group)] = group_pipeline(group, ctx, callables)
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef) and ctx.dag_decorator(stmt) is not None:
            replaced[id(stmt)] = _dag_function(stmt, ctx, callables)
            ctx.sdk_calls.add(stmt.name.value)  # `my_dag()` builds the DAG object: flowc does not need it
        elif isinstance(stmt, cst.With) and _dag_with(stmt, ctx) is not None:
            replaced[id(stmt)] = _dag_block(stmt, ctx, callables)
    for key, (draft, deco) in top_tasks.items():
        replaced[key] = finish_task(draft, deco, ctx)
    for stmt in module.body:
        if isinstance(stmt, cst.FunctionDef) and stmt.name.value in ctx.tasks and id(stmt) not in replaced and stmt.name.value in callables:
            replaced[id(stmt)] = finish_task(typed_callable(callables[stmt.name.value], ctx), None, ctx)
    return assemble(module, ctx, replaced)


def _hoisted_callables(module: cst.Module, ctx: AirflowContext) -> cst.Module:
    """PythonOperator callables defined in a module-level `with DAG(...):` moved just above it.

    A `with` block makes no scope: such a function is a module-level function already.
    """
    callables = set(ctx.operator_ids.values())
    body: list[cst.BaseStatement] = []
    for stmt in module.body:
        if isinstance(stmt, cst.With) and _dag_with(stmt, ctx) is not None and isinstance(stmt.body, cst.IndentedBlock):
            moved = [s for s in stmt.body.body if isinstance(s, cst.FunctionDef) and not s.decorators and s.name.value in callables]
            body += [m.with_changes(leading_lines=[cst.EmptyLine(), cst.EmptyLine(), *(line for line in m.leading_lines if line.comment)]) for m in moved]
            stmt = stmt.with_changes(body=stmt.body.with_changes(body=[s for s in stmt.body.body if not any(s is m for m in moved)]))
        body.append(stmt)
    return module.with_changes(body=body)


def _pulled(fn: cst.FunctionDef, ctx: AirflowContext) -> cst.FunctionDef:
    """A PythonOperator callable with its XCom pulls as parameters (airflow_xcom.py)."""
    if fn.name.value not in ctx.operator_ids.values():
        return fn
    new, pulls, pushed = without_pulls(fn)
    if pulls:
        ctx.pulls[fn.name.value] = pulls
    if pushed is not None:
        ctx.pushes[fn.name.value] = pushed
    return new


def _dag_with(stmt: cst.With, ctx: AirflowContext) -> cst.Call | None:
    item = stmt.items[0].item if len(stmt.items) == 1 else None
    return item if isinstance(item, cst.Call) and ctx.is_sdk_name(item.func, DAG_CLASS) else None


def _dag_function(fn: cst.FunctionDef, ctx: AirflowContext, callables: dict[str, TaskDraft]) -> list[cst.BaseStatement]:
    deco = ctx.dag_decorator(fn)
    assert deco is not None
    args = deco.decorator.args if isinstance(deco.decorator, cst.Call) else ()
    found = _dag_options(args, ctx, positional_id=False)
    params = [p.with_changes(annotation=cst.Annotation(flowc_type(p.annotation.annotation, ctx, found.notes))) if p.annotation else p for p in fn.params.params]
    named = {p.name.value for p in params}
    params += [p for p in found.params if p.name.value not in named]  # `@dag(params=...)` beside the function's own
    ctx.use("pipeline")
    new_deco = decorator("pipeline", found.kwargs, like=deco)
    return _pipeline(fn.with_changes(decorators=[new_deco if d is deco else d for d in fn.decorators], params=fn.params.with_changes(params=params)), found, ctx, callables)


def _dag_block(stmt: cst.With, ctx: AirflowContext, callables: dict[str, TaskDraft]) -> list[cst.BaseStatement]:
    call = _dag_with(stmt, ctx)
    assert call is not None
    found = _dag_options(call.args, ctx, positional_id=True)
    dag_id = next((str(literal_value(v)[1]) for k, v in found.kwargs if k == "name"), "dag")
    name = _identifier(dag_id)
    found.kwargs = [(k, v) for k, v in found.kwargs if not (k == "name" and name == dag_id)]
    ctx.use("pipeline")
    fn = cst.FunctionDef(
        name=cst.Name(name), params=cst.Parameters(params=found.params), body=stmt.body, decorators=[decorator("pipeline", found.kwargs)],
        leading_lines=leading(stmt),
    )
    return _pipeline(fn, found, ctx, callables)


def _identifier(dag_id: str) -> str:
    name = re.sub(r"\W", "_", dag_id)
    name = "dag_" + name if not name or name[0].isdigit() else name
    return name + "_" if keyword.iskeyword(name) else name


def _pipeline(fn: cst.FunctionDef, found: DagOptions, ctx: AirflowContext, callables: dict[str, TaskDraft]) -> list[cst.BaseStatement]:
    defaults, description, notes = found.defaults, found.description, found.notes
    body = DagBody(ctx, defaults, callables, params={p.name.value for p in fn.params.params})
    block = fn.body
    assert isinstance(block, cst.IndentedBlock)
    stmts = body.translate(block.body)
    if description is not None:
        stmts = [docstring(description), *stmts]
    hoisted: list[cst.BaseStatement] = []
    for item, deco in body.hoisted:
        if isinstance(item, TaskDraft):
            hoisted.extend(finish_task(item, deco, ctx))
        elif deco is not None:
            made = group_pipeline(item, ctx, callables)
            hoisted.extend([made[0].with_changes(leading_lines=top_level_lines(leading(made[0]))), *made[1:]])
        else:
            hoisted.append(item.with_changes(leading_lines=top_level_lines(item.leading_lines)))
    pipeline = fn.with_changes(
        body=block.with_changes(body=stmts), returns=fn.returns or cst.Annotation(cst.Name("None")),
        leading_lines=[*(top_level_lines(fn.leading_lines) if hoisted else fn.leading_lines), *comment_lines(notes)],
    )
    if hoisted:  # the DAG's own leading comments go above the first definition moved out of it
        hoisted[0] = hoisted[0].with_changes(leading_lines=[*top_level_lines(fn.leading_lines), *leading(hoisted[0])[2:]])
    return [*hoisted, pipeline]


def group_pipeline(fn: cst.FunctionDef, ctx: AirflowContext, callables: dict[str, TaskDraft]) -> list[cst.BaseStatement]:
    """A `@task_group` function -> a sub-pipeline its calls run (its parameters and result typed as written)."""
    deco = ctx.group_decorator(fn)
    assert deco is not None
    args = deco.decorator.args if isinstance(deco.decorator, cst.Call) else ()
    notes = [ctx.notes.add(codes.IMPORT_DROPPED_OPTION, a, f"`{snippet(a)}` of @task_group") for a in args]
    params: list[cst.Param] = []
    for p in fn.params.params:
        if p.annotation is None and (inferred := ctx.inferred.param(fn.name.value, p.name.value)) is not None:
            p = p.with_changes(annotation=cst.Annotation(inferred))
        if p.annotation is None:
            notes.append(ctx.notes.add(codes.IMPORT_NEEDS_TYPE, p, f"parameter {p.name.value}", "it has no annotation"))
        params.append(p.with_changes(annotation=cst.Annotation(flowc_type(p.annotation.annotation, ctx, notes))) if p.annotation else p)
    returns = cst.Annotation(flowc_type(fn.returns.annotation, ctx, notes)) if fn.returns else None
    if returns is None and (inferred := ctx.inferred.result(fn.name.value)) is not None:
        returns = cst.Annotation(inferred)
    if returns is None and _returns_value(fn):
        notes.append(ctx.notes.add(codes.IMPORT_NEEDS_TYPE, fn.name, f"the result of {fn.name.value}", "it has no annotation"))
    ctx.use("pipeline")
    new = fn.with_changes(decorators=[decorator("pipeline", [], like=deco) if d is deco else d for d in fn.decorators],
                          params=fn.params.with_changes(params=params), returns=returns)
    return _pipeline(new, DagOptions(notes=notes), ctx, callables)


def _returns_value(fn: cst.FunctionDef) -> bool:
    body = fn.body
    return isinstance(body, cst.IndentedBlock) and any(
        isinstance(s, cst.SimpleStatementLine) and any(isinstance(x, cst.Return) and x.value is not None for x in s.body) for s in body.body
    )


@dataclass
class DagOptions:
    """What a DAG's arguments give its pipeline: decorator arguments, task defaults, docstring, parameters, notes."""

    kwargs: list[tuple[str, cst.BaseExpression]] = field(default_factory=lambda: [])
    defaults: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})
    description: str | None = None
    params: list[cst.Param] = field(default_factory=lambda: [])
    notes: list[str] = field(default_factory=lambda: [])


def _dag_options(args: Sequence[cst.Arg], ctx: AirflowContext, positional_id: bool) -> DagOptions:
    found = DagOptions()
    kwargs, notes = found.kwargs, found.notes
    for i, arg in enumerate(args):
        key = arg.keyword.value if arg.keyword is not None else ("dag_id" if i == 0 and positional_id else None)
        ok, value = literal_value(arg.value)
        if key == "dag_id" and ok and isinstance(value, str):
            kwargs.append(("name", arg.value))
        elif key in ("schedule", "schedule_interval") and ok and (value is None or isinstance(value, str)):
            if value is not None:
                kwargs.append(("schedule", arg.value))
        elif key == "description" and ok and isinstance(value, str):
            found.description = value
        elif key == "params" and (declared := dag_params(arg.value, ctx, notes)) is not None:
            found.params.extend(declared)
        elif key == "default_args" and isinstance(arg.value, cst.Dict):
            found.defaults = _default_args(arg.value, ctx, notes)
        else:
            notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of the DAG"))
    kwargs.sort(key=lambda kv: 0 if kv[0] == "schedule" else 1)
    return found


def _default_args(value: cst.Dict, ctx: AirflowContext, notes: list[str]) -> dict[str, cst.BaseExpression]:
    defaults: dict[str, cst.BaseExpression] = {}
    for element in value.elements:
        ok, key = literal_value(element.key) if isinstance(element, cst.DictElement) else (False, None)
        if key == "retries" and literal_value(element.value)[0]:
            defaults["retries"] = element.value
        elif key == "execution_timeout" and duration(element.value, ctx) is not None:
            defaults["timeout"] = literal(duration(element.value, ctx))
        else:
            notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, element, f"default_args {snippet(element.key) if isinstance(element, cst.DictElement) else '**'}"))
        del ok
    return defaults
