"""KFP `@dsl.pipeline` functions -> flowc `@pipeline`s.

Statement by statement: `with dsl.If/Elif/Else` (and `dsl.Condition`) become one
`if/elif/else`; `with dsl.ParallelFor(items) as x` a `for` loop, or a list
comprehension when a `dsl.Collected` gathers its one step's results; `with
dsl.ExitHandler(t)` a `try/finally` with `t` in the `finally` block (kfp_exit.py); `.after(...)`
wraps the statement in `with after(...)`; expressions are rewritten by CallRewriter.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import cast

import libcst as cst

from flowc.importer.emit import comment_lines, commented_out, decorator, docstring, docstring_count, leading_lines, literal_value, simple_line, snippet, with_comments
from flowc.importer.kfp_calls import CallRewriter, Scope
from flowc.importer.kfp_components import flowc_type
from flowc.importer.kfp_context import KfpContext
from flowc.importer.kfp_exit import exit_task_call, names_read, take_assignment, try_finally
from flowc.importer.kfp_loops import body_pipeline, outer_types
from flowc.importer.ordering import assigns, in_after, order_earlier
from flowc.ir import codes

CONDITIONS = ("If", "Condition")


def pipeline_decorator(fn: cst.FunctionDef, ctx: KfpContext) -> cst.Decorator | None:
    for deco in fn.decorators:
        target = deco.decorator.func if isinstance(deco.decorator, cst.Call) else deco.decorator
        if ctx.is_dsl(target, "pipeline"):
            return deco
    return None


def translate_pipeline(fn: cst.FunctionDef, deco: cst.Decorator, ctx: KfpContext) -> list[cst.FunctionDef]:
    """The flowc pipeline, after the sub-pipelines made of its loop bodies."""
    notes: list[str] = []
    kwargs, description = _pipeline_options(deco, ctx, notes)
    ctx.use("pipeline")
    decorators = [decorator("pipeline", kwargs, like=deco) if d is deco else d for d in fn.decorators]
    params = [_param(p, ctx, notes) for p in fn.params.params]
    body = fn.body
    assert isinstance(body, cst.IndentedBlock)
    scope = Scope(wanted=_collected_names(fn, ctx))
    _find_one_of(fn, ctx, scope)
    outer = Outer(fn.name.value, params)
    block = Block(ctx, scope, outer).translate(body.body, body)
    stmts = list(block.body)
    if description is not None and not docstring_count(stmts):
        stmts = [docstring(description), *stmts]
    returns = fn.returns.with_changes(annotation=flowc_type(fn.returns.annotation, ctx, notes)) if fn.returns else cst.Annotation(cst.Name("None"))
    return [*outer.extra, fn.with_changes(
        decorators=decorators, params=fn.params.with_changes(params=params), returns=returns,
        body=block.with_changes(body=stmts),
        leading_lines=[*fn.leading_lines, *comment_lines(notes)],
    )]


def _pipeline_options(deco: cst.Decorator, ctx: KfpContext, notes: list[str]) -> tuple[list[tuple[str, cst.BaseExpression]], str | None]:
    kwargs: list[tuple[str, cst.BaseExpression]] = []
    description: str | None = None
    args = deco.decorator.args if isinstance(deco.decorator, cst.Call) else ()
    for arg in args:
        key = arg.keyword.value if arg.keyword is not None else None
        ok, value = literal_value(arg.value)
        if key == "name":
            kwargs.append(("name", arg.value))
        elif key == "description" and ok and isinstance(value, str):
            description = value
        else:
            notes.append(ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"@dsl.pipeline({snippet(arg)})"))
    return kwargs, description


def _param(param: cst.Param, ctx: KfpContext, notes: list[str]) -> cst.Param:
    ann = param.annotation.annotation if param.annotation is not None else None
    if ann is None:
        return param
    if isinstance(ann, cst.Name) and ann.value in ("list", "dict") and param.default is not None:
        inferred = _infer(param.default)
        if inferred is not None:
            return param.with_changes(annotation=cst.Annotation(cst.parse_expression(inferred)))
    return param.with_changes(annotation=cst.Annotation(flowc_type(ann, ctx, notes)))


def _infer(default: cst.BaseExpression) -> str | None:
    """`list[int]` for a default `[1, 2]`: the type of a literal whose items share one scalar type."""
    ok, value = literal_value(default)
    if not ok or not isinstance(value, list | dict) or not value:
        return None
    items: list[object] = list(cast("dict[str, object]", value).values()) if isinstance(value, dict) else cast("list[object]", value)
    kinds: set[type] = {type(v) for v in items}
    if kinds == {int, float}:
        kinds = {float}
    if len(kinds) != 1 or next(iter(kinds)) not in (str, int, float, bool):
        return None
    item = next(iter(kinds)).__name__
    return f"dict[str, {item}]" if isinstance(value, dict) else f"list[{item}]"


def _collected_names(fn: cst.FunctionDef, ctx: KfpContext) -> set[str]:
    """Tasks whose results a `dsl.Collected(t.output)` gathers."""
    found: set[str] = set()

    class _Find(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if ctx.is_dsl(node.func, "Collected") and node.args:
                inner = node.args[0].value
                if isinstance(inner, cst.Attribute) and isinstance(inner.value, cst.Name):
                    found.add(inner.value.value)

    fn.body.visit(_Find())
    return found


def _find_one_of(fn: cst.FunctionDef, ctx: KfpContext, scope: Scope) -> None:
    """Name each `dsl.OneOf(a.output, b.output)`: each branch assigns that name after its task runs."""

    class _Find(cst.CSTVisitor):
        def visit_Call(self, node: cst.Call) -> None:
            if not ctx.is_dsl(node.func, "OneOf"):
                return
            name = f"one_of_{len(scope.one_of) + 1}"
            scope.one_of[id(node)] = name
            for arg in node.args:
                task = _task_name(arg.value)
                if task is not None:
                    scope.one_of_parts[task] = (name, arg.value)

    fn.body.visit(_Find())


def _task_name(expr: cst.BaseExpression) -> str | None:
    """`t` of `t.output` or `t.outputs["x"]`."""
    if isinstance(expr, cst.Subscript):
        expr = expr.value
    if isinstance(expr, cst.Attribute) and isinstance(expr.value, cst.Name) and expr.attr.value in ("output", "outputs"):
        return expr.value.value
    return None


@dataclass
class Outer:
    """The pipeline a block belongs to: its name and parameters, and sub-pipelines made from its loops."""

    pipeline: str
    params: Sequence[cst.Param]
    extra: list[cst.FunctionDef] = field(default_factory=lambda: [])


class Block:
    """Translates the statements of one block of a pipeline body."""

    def __init__(self, ctx: KfpContext, scope: Scope, outer: Outer | None = None) -> None:
        self.ctx = ctx
        self.scope = scope
        self.outer = outer
        self._carried: list[str] = []  # notes of a dropped statement, for the next one

    def translate(self, stmts: Sequence[cst.BaseStatement], block: cst.IndentedBlock) -> cst.IndentedBlock:
        out: list[cst.BaseStatement] = []
        pending: list[cst.EmptyLine] = []  # comments of dropped statements, for the next one
        i = 0
        while i < len(stmts):
            made, i = self._next(stmts, i, out)
            if not made:
                pending.extend([*leading_lines(stmts[i - 1]), *comment_lines(self._carried)])
                self._carried = []
                continue
            first = made[0]
            if pending and isinstance(first, cst.SimpleStatementLine | cst.BaseCompoundStatement):
                made[0] = first.with_changes(leading_lines=[*pending, *first.leading_lines])
                pending = []
            out.extend(made)
        if not out:
            out.append(simple_line(cst.Pass()))
        return block.with_changes(body=out, footer=[*pending, *block.footer])

    def _next(self, stmts: Sequence[cst.BaseStatement], i: int, out: list[cst.BaseStatement]) -> tuple[list[cst.BaseStatement], int]:
        stmt = stmts[i]
        if isinstance(stmt, cst.With) and self._with_kind(stmt) in CONDITIONS:
            chain, j = self._if_chain(stmts, i)
            return [chain], j
        if isinstance(stmt, cst.With) and self._with_kind(stmt) == "ParallelFor":
            return [self._loop(stmt)], i + 1
        if isinstance(stmt, cst.With) and self._with_kind(stmt) == "ExitHandler":
            return [self._exit_handler(stmt, out, stmts[i + 1:])], i + 1
        if isinstance(stmt, cst.SimpleStatementLine) and self._uses_kfp(stmt):
            return [self._untranslated(stmt, "statement")], i + 1
        if isinstance(stmt, cst.SimpleStatementLine):
            made = self._simple(stmt, out)
            return ([made, *self._one_of_alias(stmt)] if made is not None else []), i + 1
        return [self._untranslated(stmt, "statement")], i + 1

    def _uses_kfp(self, stmt: cst.SimpleStatementLine) -> bool:
        """Whether the statement still names the kfp SDK once rewritten (`dsl.importer(...)`, ...)."""
        new = stmt.visit(CallRewriter(self.ctx, self.scope, dry=True))
        return isinstance(new, cst.CSTNode) and self.ctx.uses_sdk(new)

    def _exit_handler(self, stmt: cst.With, out: list[cst.BaseStatement], later: Sequence[cst.BaseStatement]) -> cst.BaseStatement:
        """`with dsl.ExitHandler(exit_task):` -> `try: <body> finally: <the exit task's call>` (kfp_exit.py)."""
        call = stmt.items[0].item
        assert isinstance(call, cst.Call)
        given = next((a for a in call.args if a.keyword is None or a.keyword.value == "exit_task"), None)
        dropped = [self.ctx.notes.add(codes.IMPORT_DROPPED_OPTION, a, f"`{snippet(a)}` of dsl.ExitHandler") for a in call.args if a is not given]
        made = self._exit_statement(given.value, out, [*later, stmt.body]) if given is not None else None
        if made is None:
            return self._untranslated(stmt, "exit handler")
        cleanup, cleanup_lines, component = made
        value = cleanup.value if isinstance(cleanup, cst.Assign | cst.Expr) else None
        assert value is not None
        status = self.ctx.components[component].status_param if component in self.ctx.components else None
        cleanup = cleanup.with_changes(value=exit_task_call(value, status, self.ctx))
        return with_comments(try_finally(self._nested(stmt), cleanup, cleanup_lines, stmt.leading_lines), dropped)

    def _exit_statement(
        self, task: cst.BaseExpression, out: list[cst.BaseStatement], later: Sequence[cst.CSTNode],
    ) -> tuple[cst.BaseSmallStatement, Sequence[cst.EmptyLine], str] | None:
        """The exit task's statement (taken out of `out`), its comments and its component; None when not found."""
        if isinstance(task, cst.Call):  # `dsl.ExitHandler(cleanup(...))`
            new, rw = self._expr(task)
            assert isinstance(new, cst.BaseExpression)
            return (cst.Expr(new), (), rw.called[-1]) if rw.called and not rw.notes else None
        if not isinstance(task, cst.Name) or task.value not in self.scope.tasks:
            return None
        made = take_assignment(out, task.value)
        if made is None:
            return None
        assign = made.body[0]
        assert isinstance(assign, cst.Assign)
        kept = task.value in names_read(later)  # read elsewhere: the name stays bound
        return (assign if kept else cst.Expr(assign.value)), made.leading_lines, self.scope.tasks[task.value]

    def _one_of_alias(self, stmt: cst.SimpleStatementLine) -> list[cst.BaseStatement]:
        """`one_of_1 = t` after the statement that makes a task some `dsl.OneOf` chooses from."""
        small = stmt.body[0]
        if not (isinstance(small, cst.Assign) and isinstance(small.targets[0].target, cst.Name)):
            return []
        part = self.scope.one_of_parts.get(small.targets[0].target.value)
        if part is None:
            return []
        value, _ = self._expr(part[1])
        assert isinstance(value, cst.BaseExpression)
        return [simple_line(cst.Assign(targets=[cst.AssignTarget(cst.Name(part[0]))], value=value))]

    def _with_kind(self, stmt: cst.With) -> str | None:
        item = stmt.items[0].item if len(stmt.items) == 1 else None
        found = self.ctx.kfp(item.func) if isinstance(item, cst.Call) else None
        return found.rsplit(".", 1)[-1] if found and found.startswith("kfp.dsl.") else None

    def _untranslated(self, stmt: cst.BaseStatement, what: str) -> cst.BaseStatement:
        """`pass`, under a note and the original statement commented out."""
        note = self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, stmt, f"{what} `{snippet(stmt)}`")
        bare = stmt.with_changes(leading_lines=[]) if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement) else stmt
        return simple_line(cst.Pass()).with_changes(leading_lines=[*leading_lines(stmt), *comment_lines([note, *commented_out(bare)])])

    def _expr(self, node: cst.CSTNode) -> tuple[cst.CSTNode, CallRewriter]:
        rewriter = CallRewriter(self.ctx, self.scope)
        new = node.visit(rewriter)
        assert isinstance(new, cst.CSTNode)
        return new, rewriter

    def _simple(self, stmt: cst.SimpleStatementLine, out: list[cst.BaseStatement]) -> cst.BaseStatement | None:
        new, rw = self._expr(stmt)
        assert isinstance(new, cst.SimpleStatementLine)
        small = new.body[0] if len(new.body) == 1 else None
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name) and rw.called:
            self.scope.tasks[small.targets[0].target.value] = rw.called[-1]
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Name) and small.value.value in self.scope.tasks:
            if rw.after:  # `t.after(u)`: wrap the statement that made `t`
                if not order_earlier(out, small.value.value, rw.after, self.ctx):
                    rw.notes.append(self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, stmt, f"`{small.value.value}.after(...)` of a step made in another block"))
            self._carried = rw.notes
            return None
        result: cst.BaseStatement = with_comments(new, rw.notes)
        if rw.after:
            result = in_after(result, rw.after, self.ctx)
        return result

    def _if_chain(self, stmts: Sequence[cst.BaseStatement], i: int) -> tuple[cst.BaseStatement, int]:
        """`with dsl.If(a)`, `with dsl.Elif(b)`..., `with dsl.Else()` -> one if/elif/else."""
        parts: list[cst.With] = [stmts[i]]  # type: ignore[list-item]
        j = i + 1
        while j < len(stmts) and isinstance(stmts[j], cst.With) and self._with_kind(stmts[j]) in ("Elif", "Else"):  # type: ignore[arg-type]
            parts.append(stmts[j])  # type: ignore[arg-type]
            j += 1
            if self._with_kind(parts[-1]) == "Else":
                break
        orelse: cst.If | cst.Else | None = None
        for part in reversed(parts):
            body = self._nested(part)
            if self._with_kind(part) == "Else":
                orelse = cst.Else(body=body, leading_lines=part.leading_lines)
                continue
            call = part.items[0].item
            assert isinstance(call, cst.Call)
            dropped = [
                self.ctx.notes.add(codes.IMPORT_DROPPED_OPTION, extra, f"`{snippet(extra)}` of dsl.{self._with_kind(part)}")
                for extra in call.args[1:]
            ]
            test, rw = self._expr(call.args[0].value)
            assert isinstance(test, cst.BaseExpression)
            orelse = cst.If(test=test, body=body, orelse=orelse, leading_lines=[*part.leading_lines, *comment_lines([*dropped, *rw.notes])])
        assert isinstance(orelse, cst.If)
        return orelse, j

    def _nested(self, stmt: cst.With | cst.For) -> cst.IndentedBlock:
        body = stmt.body
        assert isinstance(body, cst.IndentedBlock)
        return Block(self.ctx, self.scope, self.outer).translate(body.body, body)

    def _loop(self, stmt: cst.With) -> cst.BaseStatement:
        """`with dsl.ParallelFor(items) as x:` -> `for x in items:`, or `t = [step(...) for x in items]`."""
        call = stmt.items[0].item
        target = stmt.items[0].asname.name if stmt.items[0].asname is not None else None
        assert isinstance(call, cst.Call)
        notes: list[str] = []
        items_arg = next((a for a in call.args if a.keyword is None or a.keyword.value == "items"), None)
        for arg in call.args:
            if arg is not items_arg:
                notes.append(self.ctx.notes.add(codes.IMPORT_DROPPED_OPTION, arg, f"`{snippet(arg)}` of dsl.ParallelFor"))
        if items_arg is None or not isinstance(target, cst.Name):
            return self._untranslated(stmt, "loop")
        items, rw = self._expr(items_arg.value)
        assert isinstance(items, cst.BaseExpression)
        body = self._nested(stmt)
        comprehension = self._comprehension(body, target, items) or self._sub_pipeline(body, target, items)
        if comprehension is not None:
            return with_comments(comprehension.with_changes(leading_lines=stmt.leading_lines), [*notes, *rw.notes])
        loop = cst.For(target=target, iter=items, body=body, leading_lines=stmt.leading_lines)
        return with_comments(loop, [*notes, *rw.notes])

    def _sub_pipeline(self, body: cst.IndentedBlock, target: cst.Name, items: cst.BaseExpression) -> cst.SimpleStatementLine | None:
        """A loop body of several steps, one collected: a sub-pipeline, and a comprehension over it."""
        collected = [n for n in self.scope.wanted if any(isinstance(s, cst.SimpleStatementLine) and assigns(s, n) for s in body.body)]
        if len(collected) != 1 or self.outer is None:
            return None
        name = f"{self.outer.pipeline}_{target.value}_body"
        made = body_pipeline(name, target, items, body, collected[0], outer_types(self.outer.params, self.scope, self.ctx), self.ctx)
        if made is None:
            return None
        self.outer.extra.append(made[0])
        self.scope.collected[collected[0]] = collected[0]
        return made[1]

    def _comprehension(self, body: cst.IndentedBlock, target: cst.Name, items: cst.BaseExpression) -> cst.SimpleStatementLine | None:
        """`t = [step(...) for x in items]` when the loop's one statement makes a task that is collected."""
        if len(body.body) != 1 or not isinstance(body.body[0], cst.SimpleStatementLine):
            return None
        small = body.body[0].body[0]
        if not (isinstance(small, cst.Assign) and isinstance(small.targets[0].target, cst.Name)):
            return None
        name = small.targets[0].target.value
        if name not in self.scope.wanted:
            return None
        self.scope.collected[name] = name
        comp = cst.ListComp(elt=small.value, for_in=cst.CompFor(target=target, iter=items))
        return cst.SimpleStatementLine(body=[small.with_changes(value=comp)], leading_lines=body.body[0].leading_lines)
