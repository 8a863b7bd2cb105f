"""flytekit `@workflow` bodies -> flowc `@pipeline` bodies.

`map_task(t)(x=xs)` (also of `functools.partial(t, k=v)`) becomes `[t(k=v, x=x) for x in
xs]`; `conditional("c").if_(a).then(f()).elif_(b).then(g()).else_().then(h())` as the
value of an assignment, a `return` or a statement becomes an `if/elif/else` doing the
same in each branch (`.fail("msg")` raises `ValueError("msg")`, as flytekit does); Flyte's `&`, `|`, `~`, `.is_true()` and `.is_false()` become
`and`, `or`, `not`, the value and `not` the value.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import libcst as cst

from flowc.importer.emit import comment_lines, commented_out, keyword_arg, leading_lines, literal_value, simple_line, snippet, with_comments
from flowc.importer.module import ImportContext
from flowc.ir import codes

MAP_TASK = ("flytekit.map_task", "flytekit.core.array_node_map_task.map_task")
CONDITIONAL = "flytekit.conditional"


Partials = dict[str, cst.Call]  # `p = functools.partial(t, k=v)` in a workflow: p -> that call


def translate_body(stmts: Sequence[cst.BaseStatement], ctx: ImportContext) -> list[cst.BaseStatement]:
    out: list[cst.BaseStatement] = []
    partials: Partials = {}
    pending: list[cst.EmptyLine] = []
    for stmt in stmts:
        if _is_partial(stmt, ctx, partials):  # used by a map_task below; its comments go with the next statement
            pending.extend(leading_lines(stmt))
            continue
        made = _statement(stmt, ctx, partials)
        out.append(made.with_changes(leading_lines=[*pending, *leading_lines(made)]) if pending else made)
        pending = []
    return out or [simple_line(cst.Pass())]


def _is_partial(stmt: cst.BaseStatement, ctx: ImportContext, partials: Partials) -> bool:
    small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
    if not (isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name)):
        return False
    value = small.value
    if isinstance(value, cst.Call) and ctx.names.qualified(value.func) == "functools.partial":
        partials[small.targets[0].target.value] = value
        return True
    return False


def _statement(stmt: cst.BaseStatement, ctx: ImportContext, partials: Partials) -> cst.BaseStatement:
    if isinstance(stmt, cst.If | cst.For) and not ctx.uses_sdk(stmt.test if isinstance(stmt, cst.If) else stmt.iter):
        return _compound(stmt, ctx)
    if not isinstance(stmt, cst.SimpleStatementLine) or len(stmt.body) != 1:
        return _untranslated(stmt, ctx, "statement")
    small = stmt.body[0]
    value = small.value if isinstance(small, cst.Assign | cst.Expr | cst.Return) else None
    if value is None:
        return stmt
    chain = _conditional_chain(value, ctx)
    if chain is not None:
        made = _if_from_chain(chain, small, ctx, partials)
        return made.with_changes(leading_lines=leading_lines(stmt)) if made is not None else _untranslated(stmt, ctx, "conditional")
    rewriter = _MapTasks(ctx, partials)
    new = stmt.visit(rewriter)
    assert isinstance(new, cst.SimpleStatementLine)
    if rewriter.failed or ctx.uses_sdk(new):
        return _untranslated(stmt, ctx, "statement")
    return with_comments(new, rewriter.notes)


def _compound(stmt: cst.If | cst.For, ctx: ImportContext) -> cst.BaseStatement:
    """An `if` or `for` (of a `@dynamic` body) with its blocks translated."""

    def block(suite: cst.BaseSuite) -> cst.BaseSuite:
        return suite.with_changes(body=translate_body(suite.body, ctx)) if isinstance(suite, cst.IndentedBlock) else suite

    orelse = stmt.orelse
    if isinstance(orelse, cst.If):
        new_orelse: cst.If | cst.Else | None = cast("cst.If", _compound(orelse, ctx))
    else:
        new_orelse = orelse.with_changes(body=block(orelse.body)) if orelse is not None else None
    return stmt.with_changes(body=block(stmt.body), orelse=new_orelse)


def _untranslated(stmt: cst.BaseStatement, ctx: ImportContext, what: str) -> cst.BaseStatement:
    note = ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, stmt, f"{what} `{snippet(stmt)}`")
    bare = stmt.with_changes(leading_lines=[]) if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement) else stmt
    return simple_line(cst.Pass()).with_changes(leading_lines=[*leading_lines(stmt), *comment_lines([note, *commented_out(bare)])])


class _MapTasks(cst.CSTTransformer):
    def __init__(self, ctx: ImportContext, partials: Partials) -> None:
        super().__init__()
        self.ctx = ctx
        self.partials = partials
        self.notes: list[str] = []
        self.failed = False

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        inner = updated_node.func
        if not (isinstance(inner, cst.Call) and self.ctx.sdk_name(inner.func) in MAP_TASK and inner.args):
            return updated_node
        target = inner.args[0].value
        if isinstance(target, cst.Name) and target.value in self.partials:
            target = self.partials[target.value]
        fixed: list[cst.Arg] = []
        if isinstance(target, cst.Call) and self.ctx.names.qualified(target.func) == "functools.partial" and target.args:
            fixed, target = [a.with_changes(comma=cst.MaybeSentinel.DEFAULT) for a in target.args[1:]], target.args[0].value
        original = original_node.func
        for extra in original.args[1:] if isinstance(original, cst.Call) else ():
            self.notes.append(self.ctx.notes.add(codes.IMPORT_DROPPED_OPTION, extra, f"`{snippet(extra)}` of map_task"))
        mapped = [a for a in updated_node.args if a.keyword is not None]
        if len(mapped) != 1 or len(updated_node.args) != 1 or not isinstance(target, cst.Name):
            self.failed = True
            return updated_node
        key = mapped[0].keyword
        assert key is not None
        element = cst.Call(func=target, args=[*fixed, keyword_arg(key.value, cst.Name(key.value))])
        return cst.ListComp(elt=element, for_in=cst.CompFor(target=cst.Name(key.value), iter=mapped[0].value))


def _conditional_chain(expr: cst.BaseExpression, ctx: ImportContext) -> list[tuple[str, list[cst.Arg]]] | None:
    """[("if_", [cond]), ("then", [value]), ...] for a `conditional(...)` chain, else None."""
    steps: list[tuple[str, list[cst.Arg]]] = []
    while isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
        steps.append((expr.func.attr.value, list(expr.args)))
        expr = expr.func.value
    if not (isinstance(expr, cst.Call) and ctx.sdk_name(expr.func) == CONDITIONAL):
        return None
    return list(reversed(steps))


def _if_from_chain(chain: list[tuple[str, list[cst.Arg]]], small: cst.BaseSmallStatement, ctx: ImportContext, partials: Partials) -> cst.If | None:
    """The chain as an `if`: each branch does `small` with its `then(...)` value, or raises for `fail("msg")`."""
    branches: list[tuple[cst.BaseExpression | None, cst.BaseSmallStatement]] = []
    i = 0
    while i + 1 < len(chain):
        (method, args), (then, values) = chain[i], chain[i + 1]
        if then not in ("then", "fail") or len(values) != 1 or method not in ("if_", "elif_", "else_"):
            return None
        test = _condition(args[0].value, ctx) if method != "else_" and len(args) == 1 else None
        action = _branch_action(then, values[0].value, small, ctx, partials)
        if (method != "else_" and test is None) or action is None:
            return None
        branches.append((test, action))
        i += 2
    if i != len(chain) or not branches:
        return None
    orelse: cst.If | cst.Else | None = None
    for test, action in reversed(branches):
        body = cst.IndentedBlock(body=[simple_line(action)])
        orelse = cst.Else(body=body) if test is None else cst.If(test=test, body=body, orelse=orelse)
    return orelse if isinstance(orelse, cst.If) else None


def _branch_action(
    then: str, value: cst.BaseExpression, small: cst.BaseSmallStatement, ctx: ImportContext, partials: Partials,
) -> cst.BaseSmallStatement | None:
    """`small` doing the branch's `then(value)`; for `fail("msg")` the ValueError flytekit raises."""
    if then == "fail":
        message = literal_value(value)[1]
        return cst.Raise(exc=cst.Call(func=cst.Name("ValueError"), args=[cst.Arg(value)])) if isinstance(message, str) else None
    rewritten = value.visit(_MapTasks(ctx, partials))
    assert isinstance(rewritten, cst.BaseExpression)
    return small.with_changes(value=rewritten)


def _condition(expr: cst.BaseExpression, ctx: ImportContext) -> cst.BaseExpression | None:
    """Flyte's condition syntax as Python's."""
    if isinstance(expr, cst.BinaryOperation) and isinstance(expr.operator, cst.BitAnd | cst.BitOr):
        left, right = _condition(expr.left, ctx), _condition(expr.right, ctx)
        if left is None or right is None:
            return None
        operator = cst.And() if isinstance(expr.operator, cst.BitAnd) else cst.Or()
        return cst.BooleanOperation(left=left, operator=operator, right=right, lpar=expr.lpar, rpar=expr.rpar)
    if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.BitInvert):
        inner = _condition(expr.expression, ctx)
        return cst.UnaryOperation(operator=cst.Not(), expression=inner) if inner is not None else None
    if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute) and expr.func.attr.value in ("is_true", "is_false") and not expr.args:
        value = expr.func.value
        return value if expr.func.attr.value == "is_true" else cst.UnaryOperation(operator=cst.Not(), expression=value)
    if isinstance(expr, cst.Comparison):
        return expr.with_changes(lpar=[], rpar=[])
    return None

