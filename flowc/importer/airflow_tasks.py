"""Airflow `@task` functions (and PythonOperator callables) -> flowc `@task`s.

Options: `retries`, `execution_timeout` (a literal `timedelta`) -> `timeout`, `task_id`
-> `name`, and the DAG's `default_args` for tasks that set none themselves.
`multiple_outputs=True` with `-> dict[str, T]` returning dict literals becomes a
generated NamedTuple class (its keys are the fields). An unannotated result whose returns
are all literals of one type gets that type, an unannotated parameter the type every call
passes it (infer.py). Tasks are moved out of the DAG
function to module level (libcst indentation is relative: bodies keep their form).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.airflow_cleanup import is_all_done
from flowc.importer.airflow_context import CONTEXT_PARAMETERS, AirflowContext, AirflowTask
from flowc.importer.durations import timedelta_text
from flowc.importer.emit import comment_lines, decorator, keyword_arg, literal, literal_value, snippet, source_of
from flowc.importer.infer import BARE_CONTAINERS, returned_type, value_returns
from flowc.importer.types import flowc_type, named_tuple_class
from flowc.ir import codes

TIMEDELTA = ("datetime.timedelta", "pendulum.duration")
# Run-context strings Airflow fills in by name; with a `None` default they become `str | None = None`.
STRING_CONTEXT = ("ts", "ds", "ts_nodash", "ds_nodash", "run_id")
OPTION_ORDER = ("retries", "timeout", "name")


@dataclass
class TaskDraft:
    fn: cst.FunctionDef
    task: AirflowTask
    options: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})
    notes: list[str] = field(default_factory=lambda: [])
    decorator_index: int | None = None  # which decorator is the @task being replaced
    classes: list[cst.ClassDef] = field(default_factory=lambda: [])


def duration(call: cst.BaseExpression, ctx: AirflowContext) -> str | None:
    """"5m" for `timedelta(minutes=5)` (literal keywords only), else None."""
    return timedelta_text(call, ctx.names, TIMEDELTA)


def task_options(args: Sequence[cst.Arg], ctx: AirflowContext, draft: TaskDraft, where: str) -> None:
    """Read `retries`, `execution_timeout`, `task_id`, `multiple_outputs` from decorator or operator arguments."""
    for arg in args:
        key = arg.keyword.value if arg.keyword is not None else None
        if key == "retries" and literal_value(arg.value)[0]:
            draft.options["retries"] = arg.value
        elif key == "execution_timeout" and duration(arg.value, ctx) is not None:
            draft.options["timeout"] = literal(duration(arg.value, ctx))
        elif key == "task_id" and isinstance(literal_value(arg.value)[1], str):
            draft.options["name"] = arg.value
            draft.task.task_id = str(literal_value(arg.value)[1])
        elif key == "trigger_rule" and is_all_done(arg.value, ctx):
            draft.task.cleanup = "all_done"
        elif key == "multiple_outputs" and literal_value(arg.value) == (True, True):
            draft.task.fields = ("?",)  # filled in from the returns
        elif key not in ("python_callable", "op_kwargs", "op_args"):
            draft.notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of {where}"))


def draft_task(fn: cst.FunctionDef, deco: cst.Decorator | None, flavour: str, ctx: AirflowContext, defaults: Mapping[str, cst.BaseExpression]) -> TaskDraft:
    draft = TaskDraft(fn=fn, task=AirflowTask(name=fn.name.value, task_id=fn.name.value, branch=flavour == "branch"))
    draft.task.cleanup = "teardown" if flavour == "teardown" else ""
    draft.decorator_index = next((i for i, d in enumerate(fn.decorators) if d is deco), None)
    if flavour not in ("", "python", "branch", "setup", "teardown"):
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, deco, f"@task.{flavour}: it became a plain @task"))
    if deco is not None and isinstance(deco.decorator, cst.Call):
        task_options(deco.decorator.args, ctx, draft, f"@task.{flavour}" if flavour else "@task")
    for key, value in defaults.items():
        draft.options.setdefault(key, value)
    draft.fn = fn.with_changes(params=fn.params.with_changes(params=[_param(p, ctx, draft) for p in fn.params.params]))
    _star_params(fn, ctx, draft)
    _result(draft, ctx)
    return draft


def _param(param: cst.Param, ctx: AirflowContext, draft: TaskDraft) -> cst.Param:
    if param.name.value in STRING_CONTEXT and _defaults_to_none(param):
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, param, f"parameter {param.name.value} (Airflow's run context): flowc passes its default"))
        spaced = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(" "), whitespace_after=cst.SimpleWhitespace(" "))
        return param.with_changes(annotation=cst.Annotation(cst.parse_expression("str | None")), equal=spaced)
    if param.name.value in CONTEXT_PARAMETERS:
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, param, f"parameter {param.name.value} (Airflow's run context)"))
        return param
    bare = param.annotation is None or source_of(param.annotation.annotation) in BARE_CONTAINERS
    if bare and (inferred := ctx.inferred.param(draft.fn.name.value, param.name.value)) is not None:
        return param.with_changes(annotation=cst.Annotation(inferred))
    if param.annotation is None:
        draft.notes.append(ctx.notes.add(codes.IMPORT_NEEDS_TYPE, param, f"parameter {param.name.value}", "it has no annotation"))
        return param
    return param.with_changes(annotation=cst.Annotation(flowc_type(param.annotation.annotation, ctx, draft.notes)))


def _defaults_to_none(param: cst.Param) -> bool:
    return param.annotation is None and isinstance(param.default, cst.Name) and param.default.value == "None"


def _star_params(fn: cst.FunctionDef, ctx: AirflowContext, draft: TaskDraft) -> None:
    star = fn.params.star_kwarg
    if star is not None:
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, star, f"**{star.name.value} (Airflow's run context)"))


def _result(draft: TaskDraft, ctx: AirflowContext) -> None:
    fn = draft.fn
    returns = value_returns(fn)
    ann = fn.returns.annotation if fn.returns is not None else None
    if draft.task.fields:
        _multiple_outputs(draft, ctx, returns, ann or ctx.inferred.result(fn.name.value))
        return
    if ann is not None:
        draft.fn = fn.with_changes(returns=cst.Annotation(flowc_type(ann, ctx, draft.notes)))
    elif not returns:
        draft.fn = fn.with_changes(returns=cst.Annotation(cst.Name("None")))
    elif (inferred := ctx.inferred.result(fn.name.value) or returned_type(returns)) is not None:
        draft.fn = fn.with_changes(returns=cst.Annotation(inferred))
    else:
        draft.notes.append(ctx.notes.add(codes.IMPORT_NEEDS_TYPE, fn.name, f"the result of {fn.name.value}", "it has no annotation"))


def typed_callable(draft: TaskDraft, ctx: AirflowContext) -> TaskDraft:
    """A PythonOperator callable with the types inference found for its unannotated parameters and result."""
    fn = draft.fn
    name = fn.name.value
    params = [_inferred_param(p, name, ctx) for p in fn.params.params]
    returns = fn.returns
    if returns is None:
        inferred = ctx.inferred.result(name) if value_returns(fn) else cst.Name("None")
        returns = cst.Annotation(inferred) if inferred is not None else None
    draft.fn = fn.with_changes(params=fn.params.with_changes(params=params), returns=returns)
    return draft


def _inferred_param(param: cst.Param, step: str, ctx: AirflowContext) -> cst.Param:
    inferred = ctx.inferred.param(step, param.name.value) if param.annotation is None else None
    return param.with_changes(annotation=cst.Annotation(inferred)) if inferred is not None else param


def _multiple_outputs(draft: TaskDraft, ctx: AirflowContext, returns: list[cst.Return], ann: cst.BaseExpression | None) -> None:
    """`multiple_outputs=True` returning `{"a": x, "b": y}` -> a NamedTuple class with fields a and b."""
    keys = _dict_keys(returns)
    item = ann.slice[1].slice.value if isinstance(ann, cst.Subscript) and len(ann.slice) == 2 and isinstance(ann.slice[1].slice, cst.Index) else None
    if keys is None or item is None:
        draft.task.fields = ()
        draft.notes.append(ctx.notes.add(codes.IMPORT_NEEDS_TYPE, draft.fn.name, f"multiple_outputs of {draft.fn.name.value}", "annotate `-> dict[str, T]` and return dict literals with string keys"))
        return
    cls = named_tuple_class(draft.fn.name.value, [(k, flowc_type(item, ctx, draft.notes)) for k in keys], ctx)
    draft.classes.append(cls)
    draft.task.fields = tuple(keys)
    draft.fn = draft.fn.visit(_DictReturns(cls.name.value)).with_changes(returns=cst.Annotation(cst.Name(cls.name.value)))  # type: ignore[union-attr]


def _dict_keys(returns: list[cst.Return]) -> list[str] | None:
    keys: list[str] | None = None
    for ret in returns:
        if not isinstance(ret.value, cst.Dict):
            return None
        these: list[str] = []
        for element in ret.value.elements:
            ok, key = literal_value(element.key) if isinstance(element, cst.DictElement) else (False, None)
            if not ok or not isinstance(key, str) or not key.isidentifier():
                return None
            these.append(key)
        if keys is not None and these != keys:
            return None
        keys = these
    return keys


class _DictReturns(cst.CSTTransformer):
    def __init__(self, cls: str) -> None:
        super().__init__()
        self.cls = cls

    def leave_Return(self, original_node: cst.Return, updated_node: cst.Return) -> cst.Return:
        if not isinstance(updated_node.value, cst.Dict):
            return updated_node
        args = [keyword_arg(str(literal_value(e.key)[1]), e.value) for e in updated_node.value.elements if isinstance(e, cst.DictElement)]
        return updated_node.with_changes(value=cst.Call(func=cst.Name(self.cls), args=args))


def finish_task(draft: TaskDraft, deco: cst.Decorator | None, ctx: AirflowContext) -> list[cst.BaseStatement]:
    """The NamedTuple class a task needs, then the function under its `@task(...)`, at module level."""
    ctx.use("task")
    new = decorator("task", [(k, draft.options[k]) for k in OPTION_ORDER if k in draft.options], like=deco)
    decorators = list(draft.fn.decorators)
    index = draft.decorator_index
    if index is None:
        decorators.insert(0, new)
    else:
        decorators[index] = new
    fn = draft.fn.with_changes(decorators=decorators, leading_lines=[*top_level_lines(draft.fn.leading_lines), *comment_lines(draft.notes)])
    return [*draft.classes, fn]


def top_level_lines(lines: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    """Two blank lines, then the comments of `lines`: a definition moved to module level."""
    return [cst.EmptyLine(), cst.EmptyLine(), *(line for line in lines if line.comment is not None)]
