"""A `dsl.ParallelFor` whose body holds several steps, one of them gathered by `dsl.Collected`.

flowc's fan-in is a list comprehension of one call, so the loop body becomes a
sub-pipeline of its own (`<pipeline>_<item>_body`) that returns the collected step's
result, and the loop becomes `[body(item=item, ...) for item in items]`. Its inputs are
the loop item and the outer names the body reads, typed from the pipeline's parameters
and the components' results; when a type is unknown the loop stays a `for` (noted).
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from flowc.importer.emit import keyword_arg, simple_line
from flowc.importer.kfp_calls import Scope
from flowc.importer.kfp_context import KfpContext


def outer_types(params: Sequence[cst.Param], scope: Scope, ctx: KfpContext) -> dict[str, cst.BaseExpression]:
    """The type of every name a loop body could read from outside: parameters, then task results."""
    types = {p.name.value: p.annotation.annotation for p in params if p.annotation is not None}
    for name, component in scope.tasks.items():
        result = ctx.components[component].result if component in ctx.components else None
        if result is not None:
            types[name] = result
    return types


def item_type(items: cst.BaseExpression, types: dict[str, cst.BaseExpression]) -> cst.BaseExpression | None:
    """`T` of the `list[T]` a loop iterates."""
    found = types.get(items.value) if isinstance(items, cst.Name) else None
    if isinstance(found, cst.Subscript) and isinstance(found.value, cst.Name) and found.value.value == "list":
        element = found.slice[0].slice
        return element.value if isinstance(element, cst.Index) else None
    return None


def body_pipeline(
    name: str, target: cst.Name, items: cst.BaseExpression, body: cst.IndentedBlock, collected: str,
    types: dict[str, cst.BaseExpression], ctx: KfpContext,
) -> tuple[cst.FunctionDef, cst.SimpleStatementLine] | None:
    """The sub-pipeline holding the loop body, and the statement that fans out over it; None if a type is unknown."""
    element = item_type(items, types) or _used_as(target.value, body, ctx)
    result = types.get(collected)
    inputs = [n for n in _read_names(body) if n in types and n != target.value and n not in _assigned(body)]
    if element is None or result is None or any(_is_namedtuple(types[n], ctx) for n in inputs):
        return None
    params = [cst.Param(cst.Name(target.value), cst.Annotation(element)), *(cst.Param(cst.Name(n), cst.Annotation(types[n])) for n in inputs)]
    stmts = [*body.body, simple_line(cst.Return(cst.Name(collected)))]
    fn = cst.FunctionDef(
        name=cst.Name(name), params=cst.Parameters(params=params), body=body.with_changes(body=stmts),
        decorators=[cst.Decorator(ctx.use("pipeline"))], returns=cst.Annotation(result),
        leading_lines=[cst.EmptyLine(), cst.EmptyLine()],
    )
    call = cst.Call(func=cst.Name(name), args=[keyword_arg(p.name.value, cst.Name(p.name.value)) for p in params])
    fan_out = cst.ListComp(elt=call, for_in=cst.CompFor(target=target, iter=items))
    return fn, simple_line(cst.Assign(targets=[cst.AssignTarget(cst.Name(collected))], value=fan_out))


def _used_as(item: str, body: cst.IndentedBlock, ctx: KfpContext) -> cst.BaseExpression | None:
    """The type of the input the loop item is first passed to (`prepend(content=item)`: prepend's `content`)."""
    found: list[cst.BaseExpression] = []

    class _Calls(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            component = ctx.components.get(node.func.value) if isinstance(node.func, cst.Name) else None
            for arg in node.args if component is not None else ():
                if arg.keyword is not None and isinstance(arg.value, cst.Name) and arg.value.value == item and component is not None:
                    given = component.params.get(arg.keyword.value)
                    if given is not None:
                        found.append(given)

    body.visit(_Calls())
    return found[0] if found else None


def _is_namedtuple(annotation: cst.BaseExpression, ctx: KfpContext) -> bool:
    """A generated or declared NamedTuple class: not a parameter type a sub-pipeline can take."""
    return isinstance(annotation, cst.Name) and annotation.value[:1].isupper() and annotation.value not in ctx.flowc_names


def _read_names(node: cst.CSTNode) -> list[str]:
    """Names read in `node` (not keyword names, attribute names or assignment targets), first use first."""
    found: dict[str, None] = {}

    class _Read(cst.CSTVisitor):
        def visit_Arg(self, node: cst.Arg) -> bool:
            node.value.visit(self)
            return False

        def visit_Attribute(self, node: cst.Attribute) -> bool:
            node.value.visit(self)
            return False

        def visit_AssignTarget(self, node: cst.AssignTarget) -> bool:
            return False

        def visit_Name(self, node: cst.Name) -> None:
            found[node.value] = None

    node.visit(_Read())
    return list(found)


def _assigned(body: cst.IndentedBlock) -> set[str]:
    names: set[str] = set()

    class _Targets(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            if isinstance(node.target, cst.Name):
                names.add(node.target.value)

    body.visit(_Targets())
    return names
