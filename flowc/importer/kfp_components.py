"""KFP `@dsl.component` functions -> flowc `@task`s.

`Input[Dataset]` parameters become `Dataset` inputs. `Output[Model]` parameters leave
the signature and become results: the body starts with `model = Model.create()`,
where KFP gave it a ready artifact, and returns it (several results travel in a
generated NamedTuple class). `-> NamedTuple('Out', [...])` becomes a module-level
NamedTuple class. Options come from the decorator and from the calls' `.set_*`
methods in pipelines (gathered first, see kfp_pipeline.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import libcst as cst

from flowc.importer.emit import comment_lines, decorator, docstring_count, keyword_arg, literal, literal_value, simple_line, snippet, source_of
from flowc.importer.kfp_context import ARTIFACT_KINDS, RETURN_FIELD, OTHER_ARTIFACTS, Component, KfpContext
from flowc.importer.kfp_exit import is_final_status, map_status_fields
from flowc.importer.types import flowc_type as python_type
from flowc.importer.types import named_tuple_class
from flowc.ir import codes

# `@dsl.component(...)` arguments: kfp name -> flowc option.
DECORATOR_OPTIONS = {"base_image": "image", "packages_to_install": "packages"}
# Option order in the emitted decorator (as docs/task_options.md lists them).
OPTION_ORDER = ("image", "command", "args", "packages", "resources", "retries", "timeout", "cache", "env")


@dataclass
class ComponentDraft:
    """A component function being rewritten: its new signature and body, and the notes above it."""

    fn: cst.FunctionDef
    component: Component
    outputs: list[tuple[str, str]] = field(default_factory=lambda: [])  # Output[...] params: (name, kind)
    notes: list[str] = field(default_factory=lambda: [])
    decorator_options: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})
    kind: str = "task"  # or "container_task"
    container: dict[str, cst.BaseExpression] = field(default_factory=lambda: {})  # image, command, args of a container task
    classes: list[cst.ClassDef] = field(default_factory=lambda: [])


def component_decorator(fn: cst.FunctionDef, ctx: KfpContext) -> cst.Decorator | None:
    for deco in fn.decorators:
        target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
        if ctx.is_dsl(target, "component", "container_component"):
            return deco
    return None


def draft_component(fn: cst.FunctionDef, deco: cst.Decorator, ctx: KfpContext) -> ComponentDraft:
    """Read a component's decorator and signature; its result shape is known after this."""
    target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
    if ctx.is_dsl(target, "container_component"):
        from flowc.importer.kfp_containers import draft_container

        return draft_container(fn, ctx)
    draft = ComponentDraft(fn=fn, component=Component(name=fn.name.value))
    _read_decorator(deco, draft, ctx)
    params = [param_of(p, draft, ctx) for p in fn.params.params]
    draft.fn = fn.with_changes(params=fn.params.with_changes(params=kept_params(fn, params)))
    draft.component.params = {p.name.value: p.annotation.annotation for p in params if p is not None and p.annotation is not None}
    if draft.component.status_param is not None:
        draft.fn = draft.fn.with_changes(body=map_status_fields(draft.fn.body, draft.component.status_param, ctx, draft.notes))
    _shape_result(draft, ctx)
    return draft


def kept_params(fn: cst.FunctionDef, params: Sequence[cst.Param | None]) -> list[cst.Param]:
    """The parameters left (None: moved to the results), the last one without a comma of its own."""
    kept = [p for p in params if p is not None]
    if kept and params and params[-1] is None:
        kept[-1] = kept[-1].with_changes(comma=fn.params.params[-1].comma)
    return kept


def _read_decorator(deco: cst.Decorator, draft: ComponentDraft, ctx: KfpContext) -> None:
    if not isinstance(deco.decorator, cst.Call):
        return
    for arg in deco.decorator.args:
        key = arg.keyword.value if arg.keyword is not None else None
        if key in DECORATOR_OPTIONS:
            draft.decorator_options[DECORATOR_OPTIONS[key]] = arg.value
        else:
            draft.notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"@dsl.component({snippet(arg)})"))


def param_of(param: cst.Param, draft: ComponentDraft, ctx: KfpContext) -> cst.Param | None:
    """The flowc form of one parameter; None for an `Output[...]` one, which becomes a result."""
    ann = param.annotation.annotation if param.annotation is not None else None
    if ann is None:
        return param
    if isinstance(ann, cst.Subscript) and ctx.is_dsl(ann.value, "Output"):
        kind = _artifact_kind(_first_slice(ann), ctx, draft)
        draft.outputs.append((param.name.value, kind))
        return None
    if isinstance(ann, cst.Subscript) and ctx.is_dsl(ann.value, "Input"):
        kind = _artifact_kind(_first_slice(ann), ctx, draft)
        return param.with_changes(annotation=cst.Annotation(ctx.use(kind)))
    if is_final_status(ann, ctx):
        draft.component.status_param = param.name.value
        return param.with_changes(annotation=cst.Annotation(ctx.use("RunStatus")))
    if ctx.kfp(ann.func if isinstance(ann, cst.Call) else ann) is not None and not _is_artifact(ann, ctx):
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, ann, f"parameter {param.name.value}: {source_of(ann)}"))
        return param
    return param.with_changes(annotation=cst.Annotation(flowc_type(ann, ctx, draft.notes)))


def _is_artifact(ann: cst.BaseExpression, ctx: KfpContext) -> bool:
    return ctx.is_dsl(ann, *ARTIFACT_KINDS, *OTHER_ARTIFACTS)


def _first_slice(sub: cst.Subscript) -> cst.BaseExpression | None:
    element = sub.slice[0].slice
    return element.value if isinstance(element, cst.Index) else None


def _artifact_kind(expr: cst.BaseExpression | None, ctx: KfpContext, draft: ComponentDraft) -> str:
    found = ctx.kfp(expr) if expr is not None else None
    kind = found.rsplit(".", 1)[-1] if found else ""
    if kind in ARTIFACT_KINDS:
        return kind
    draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, expr, f"artifact type {source_of(expr) if expr else '?'} has no flowc kind: it became Artifact"))
    return "Artifact"


def flowc_type(expr: cst.BaseExpression, ctx: KfpContext, notes: list[str]) -> cst.BaseExpression:
    """A KFP/typing annotation in flowc's spelling (types.py), KFP's artifact types as flowc's."""

    def artifact(found: cst.BaseExpression) -> cst.BaseExpression | None:
        if not _is_artifact(found, ctx):
            return None
        kind = (ctx.kfp(found) or "").rsplit(".", 1)[-1]
        return ctx.use(kind if kind in ARTIFACT_KINDS else "Artifact")

    return python_type(expr, ctx, notes, artifact)


def _shape_result(draft: ComponentDraft, ctx: KfpContext) -> None:
    """The result annotation, the NamedTuple class it may need, and the body's `create()`/`return`s."""
    fn, outputs = draft.fn, draft.outputs
    ret = fn.returns.annotation if fn.returns is not None else None
    if ret is not None and isinstance(ret, cst.Call) and ctx.names.qualified(ret.func) == "typing.NamedTuple":
        cls = _namedtuple_class(ret, fn.name.value, ctx, draft)
        if cls is not None:
            draft.classes.append(cls)
            draft.component.fields = tuple(_class_fields(cls))
            ret = cst.Name(cls.name.value)
    elif ret is not None and not _is_none(ret):
        ret = flowc_type(ret, ctx, draft.notes)
    if not outputs:
        draft.component.result = ret
        draft.fn = draft.fn.with_changes(returns=cst.Annotation(ret if ret is not None else cst.Name("None")))
        return
    if ret is not None and not _is_none(ret) and draft.component.fields:
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, fn.returns, "a NamedTuple result beside Output[...] artifacts"))
        return
    _return_artifacts(draft, ctx, None if ret is None or _is_none(ret) else ret)


def _is_none(expr: cst.BaseExpression) -> bool:
    return isinstance(expr, cst.Name) and expr.value == "None"


def _return_artifacts(draft: ComponentDraft, ctx: KfpContext, value_type: cst.BaseExpression | None) -> None:
    outputs = draft.outputs
    name = draft.fn.name.value
    if len(outputs) == 1 and value_type is None:
        out, kind = outputs[0]
        result: cst.BaseExpression = ctx.use(kind)
        make = _ReturnRewriter(lambda value: cst.Name(out))
    else:
        fields = [(n, cst.Name(k)) for n, k in outputs] + ([(RETURN_FIELD, value_type)] if value_type is not None else [])
        for _, k in outputs:
            ctx.use(k)
        cls = named_tuple_class(name, fields, ctx)
        draft.classes.append(cls)
        draft.component.fields = tuple(n for n, _ in fields)
        result = cst.Name(cls.name.value)
        make = _ReturnRewriter(lambda value: _construct(cls.name.value, outputs, value))
    creates = [simple_line(cst.Assign(targets=[cst.AssignTarget(cst.Name(n))], value=cst.Call(func=cst.Attribute(cst.Name(k), cst.Name("create"))))) for n, k in outputs]
    body = draft.fn.body
    assert isinstance(body, cst.IndentedBlock)
    stmts = list(body.body)
    at = docstring_count(stmts)
    stmts = [*stmts[:at], *creates, *[s.visit(make) for s in stmts[at:]]]  # type: ignore[misc]
    if not _ends_in_exit(stmts):
        stmts.append(simple_line(cst.Return(make.build(None))))
    draft.component.result = result
    draft.fn = draft.fn.with_changes(returns=cst.Annotation(result), body=body.with_changes(body=stmts))


def _ends_in_exit(stmts: Sequence[cst.BaseStatement]) -> bool:
    last = stmts[-1] if stmts else None
    return isinstance(last, cst.SimpleStatementLine) and isinstance(last.body[-1], cst.Return | cst.Raise)


def _construct(cls: str, outputs: list[tuple[str, str]], value: cst.BaseExpression | None) -> cst.Call:
    args = [keyword_arg(n, cst.Name(n)) for n, _ in outputs]
    if value is not None:
        args.append(keyword_arg(RETURN_FIELD, value))
    return cst.Call(func=cst.Name(cls), args=args)


class _ReturnRewriter(cst.CSTTransformer):
    """Every `return` of the function itself (not of nested functions) returns its artifacts."""

    def __init__(self, build: "_Build") -> None:
        super().__init__()
        self.build = build

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        return False

    def leave_Return(self, original_node: cst.Return, updated_node: cst.Return) -> cst.Return:
        return updated_node.with_changes(value=self.build(updated_node.value), whitespace_after_return=cst.SimpleWhitespace(" "))


from collections.abc import Callable  # noqa: E402  (kept beside its one use)

_Build = Callable[[cst.BaseExpression | None], cst.BaseExpression]


def _class_fields(cls: cst.ClassDef) -> list[str]:
    names: list[str] = []
    for stmt in cls.body.body:
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) else None
        if isinstance(small, cst.AnnAssign) and isinstance(small.target, cst.Name):
            names.append(small.target.value)
    return names


def _namedtuple_class(call: cst.Call, function: str, ctx: KfpContext, draft: ComponentDraft) -> cst.ClassDef | None:
    """`NamedTuple('Out', [('a', int), ...])` -> `class <Function>Outputs(NamedTuple): a: int ...`."""
    spec = call.args[1].value if len(call.args) == 2 else None
    fields: list[tuple[str, cst.BaseExpression]] = []
    elements: Sequence[cst.BaseElement] = spec.elements if isinstance(spec, cst.List | cst.Tuple) else ()
    for element in elements:
        pair = element.value
        ok, key = literal_value(pair.elements[0].value) if isinstance(pair, cst.Tuple) and len(pair.elements) == 2 else (False, None)
        if not ok or not isinstance(key, str) or not isinstance(pair, cst.Tuple):
            break
        fields.append((key, flowc_type(pair.elements[1].value, ctx, draft.notes)))
    else:
        if fields:
            return named_tuple_class(function, fields, ctx)
    draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, call, "a NamedTuple result that is not a literal list of (name, type) pairs"))
    return None


def finish_component(draft: ComponentDraft, deco: cst.Decorator, ctx: KfpContext) -> list[cst.BaseStatement]:
    """The NamedTuple classes a component needs, then the function under its `@task`."""
    options: dict[str, cst.BaseExpression] = {**draft.container, **draft.decorator_options}
    chosen = {k: v.value for k, v in draft.component.options.items()}
    resources = [(k, literal(chosen[k])) for k in ("cpu", "memory", "gpu") if k in chosen]
    if resources:
        options["resources"] = cst.Call(func=ctx.use("Resources"), args=[keyword_arg(k, v) for k, v in resources])
    for key in ("retries", "env"):
        if key in chosen:
            options[key] = literal(chosen[key])
    if chosen.get("cache", True):  # KFP caches every task unless told not to
        options["cache"] = cst.Name("True")
    ordered = [(k, options[k]) for k in OPTION_ORDER if k in options]
    ctx.use(draft.kind)
    decorators = [decorator(draft.kind, ordered, like=deco) if d is deco else d for d in draft.fn.decorators]
    fn = draft.fn.with_changes(decorators=decorators, leading_lines=[*draft.fn.leading_lines, *comment_lines(draft.notes)])
    return [*draft.classes, fn]

