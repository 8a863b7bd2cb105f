"""KFP `@dsl.container_component` functions -> flowc `@container_task`s.

The body `return dsl.ContainerSpec(image=..., command=[...], args=[...])` becomes the
decorator's `image`, `command` and `args`; a parameter named in them becomes a `{name}`
placeholder (an artifact's `x.path` too), literal text keeps its braces doubled. A
`dsl.OutputPath(T)` parameter is a result of type T, written by the command to the
file its placeholder names (`{output}` for the one result, `{name}` for several).
"""

from __future__ import annotations

import libcst as cst

from flowc.importer.emit import docstring_count, literal, literal_value, simple_line, snippet
from flowc.importer.kfp_components import ComponentDraft, flowc_type, kept_params, named_tuple_class, param_of
from flowc.importer.kfp_context import Component, KfpContext
from flowc.ir import codes


def draft_container(fn: cst.FunctionDef, ctx: KfpContext) -> ComponentDraft:
    draft = ComponentDraft(fn=fn, component=Component(name=fn.name.value), kind="container_task")
    results: list[tuple[str, cst.BaseExpression]] = []
    params: list[cst.Param | None] = []
    for p in fn.params.params:
        ann = p.annotation.annotation if p.annotation is not None else None
        if isinstance(ann, cst.Call) and ctx.is_dsl(ann.func, "OutputPath") and ann.args:
            results.append((p.name.value, flowc_type(ann.args[0].value, ctx, draft.notes)))
            params.append(None)
        else:
            params.append(param_of(p, draft, ctx))
    results += [(n, ctx.use(k)) for n, k in draft.outputs]
    names = {n: ("output" if len(results) == 1 else n) for n, _ in results}
    draft.fn = fn.with_changes(params=fn.params.with_changes(params=kept_params(fn, params)))
    _result(draft, results, ctx)
    spec = _container_spec(fn, ctx)
    if spec is None:
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, fn.body, "a container component body other than `return dsl.ContainerSpec(...)`"))
        return draft
    inputs = {p.name.value for p in fn.params.params}
    for arg in spec.args:
        key = arg.keyword.value if arg.keyword is not None else None
        value = _strings(arg.value, inputs, names, ctx, draft) if key in ("command", "args") else arg.value
        if key in ("image", "command", "args") and value is not None:
            draft.container[key] = value
        elif key not in ("image", "command", "args"):
            draft.notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of dsl.ContainerSpec"))
    body = fn.body
    doc = list(body.body[: docstring_count(body.body)]) if isinstance(body, cst.IndentedBlock) else []
    ellipsis = cst.SimpleStatementSuite(body=[cst.Expr(cst.Ellipsis())])
    draft.fn = draft.fn.with_changes(body=body.with_changes(body=[*doc, simple_line(cst.Expr(cst.Ellipsis()))]) if doc and isinstance(body, cst.IndentedBlock) else ellipsis)
    return draft


def _result(draft: ComponentDraft, results: list[tuple[str, cst.BaseExpression]], ctx: KfpContext) -> None:
    if not results:
        draft.component.result = None
        draft.fn = draft.fn.with_changes(returns=cst.Annotation(cst.Name("None")))
    elif len(results) == 1:
        draft.component.result = results[0][1]
        draft.fn = draft.fn.with_changes(returns=cst.Annotation(results[0][1]))
    else:
        cls = named_tuple_class(draft.fn.name.value, results, ctx)
        draft.classes.append(cls)
        draft.component.fields = tuple(n for n, _ in results)
        draft.component.result = cst.Name(cls.name.value)
        draft.fn = draft.fn.with_changes(returns=cst.Annotation(cst.Name(cls.name.value)))


def _container_spec(fn: cst.FunctionDef, ctx: KfpContext) -> cst.Call | None:
    body = fn.body.body if isinstance(fn.body, cst.IndentedBlock) else ()
    stmts = [s for s in body if not (isinstance(s, cst.SimpleStatementLine) and isinstance(s.body[0], cst.Expr))]  # docstrings
    last = stmts[-1] if len(stmts) == 1 else None
    ret = last.body[0] if isinstance(last, cst.SimpleStatementLine) else None
    call = ret.value if isinstance(ret, cst.Return) else None
    return call if isinstance(call, cst.Call) and ctx.is_dsl(call.func, "ContainerSpec") else None


def _strings(
    expr: cst.BaseExpression, inputs: set[str], outputs: dict[str, str], ctx: KfpContext, draft: ComponentDraft
) -> cst.BaseExpression | None:
    """A list of command parts with parameters as `{placeholders}` and literal braces doubled."""
    if not isinstance(expr, cst.List):
        draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, expr, "a container command that is not a list literal"))
        return None
    parts: list[cst.BaseElement] = []
    for element in expr.elements:
        part = _part(element.value, inputs, outputs)
        if part is None:
            draft.notes.append(ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, element.value, f"command part `{snippet(element.value)}`"))
            return None
        same = literal_value(element.value) == (True, part)  # a literal without braces: kept as written
        parts.append(element.with_changes(value=element.value if same else _string_like(element.value, part)))
    return expr.with_changes(elements=parts)


def _part(value: cst.BaseExpression, inputs: set[str], outputs: dict[str, str]) -> str | None:
    ok, text = literal_value(value)
    if ok and isinstance(text, str):
        return text.replace("{", "{{").replace("}", "}}")
    if isinstance(value, cst.Attribute) and value.attr.value in ("path", "uri"):
        value = value.value
    if isinstance(value, cst.Name) and value.value in outputs:
        return "{" + outputs[value.value] + "}"
    if isinstance(value, cst.Name) and value.value in inputs:
        return "{" + value.value + "}"
    return None


def _string_like(original: cst.BaseExpression, text: str) -> cst.BaseExpression:
    """`text` as a string literal in the original's quotes where it can be, else as flowc writes strings."""
    quote = original.value[0] if isinstance(original, cst.SimpleString) and original.value[:1] in ("'", '"') else '"'
    if quote not in text and "\\" not in text and "\n" not in text and text.isprintable():
        return cst.SimpleString(quote + text + quote)
    return literal(text)
