"""Statements of a pipeline body: calls, assignments, `if`, `for`, `with after(...)`, `return`."""

from __future__ import annotations

from dataclasses import dataclass, replace

import libcst as cst

from flowc.dsl.reader.bodyctx import BodyContext, with_span
from flowc.dsl.reader.branches import merge_branches
from flowc.dsl.reader.cleanup import read_try
from flowc.dsl.reader.conditions import ConditionReader
from flowc.dsl.reader.expressions import ExpressionReader
from flowc.dsl.reader.positions import statements
from flowc.dsl.reader.raises import read_raise, wait_for_raises
from flowc.dsl.reader.returns import Returned, expand, located
from flowc.dsl.reader.scope import Body, Marker, Scope, Value
from flowc.ir import codes
from flowc.ir.model import Branch, LoopItemBinding, LoopNode, OutputBinding, outputs_of
from flowc.ir.span import Span
from flowc.ir.types import STR, ListType, render

_STATEMENTS: dict[type[cst.CSTNode], str] = {
    cst.AugAssign: "an augmented assignment",
    cst.AnnAssign: "an annotated assignment",
    cst.While: "a `while` loop",
    cst.Import: "an import",
    cst.ImportFrom: "an import",
    cst.FunctionDef: "a function definition",
    cst.ClassDef: "a class definition",
    cst.Del: "`del`",
    cst.Global: "`global`",
    cst.Nonlocal: "`nonlocal`",
    cst.Assert: "`assert`",
    cst.Break: "`break`",
    cst.Continue: "`continue`",
    cst.Match: "a `match` statement",
}


@dataclass
class StatementReader:
    """Reads a block of statements into nodes; returns what a `return` in it gave back."""

    ctx: BodyContext
    exprs: ExpressionReader
    conditions: ConditionReader

    def block(self, stmts: list[cst.CSTNode], scope: Scope, out: Body, top: bool = False) -> Returned | None:
        returned: Returned | None = None
        waiting = self.ctx.after
        for index, stmt in enumerate(stmts):
            if returned is not None:
                self.ctx.report(codes.STATEMENT_AFTER_RETURN, self.ctx.span(stmt), "raise" if returned.diverges else "return")
                break
            if top and index == 0 and _is_docstring(stmt):
                continue
            saved, read = self.ctx.fallback, (len(out), len(self.ctx.fails))
            self.ctx.fallback = self.ctx.span(stmt) or saved
            try:
                returned = self.statement(stmt, scope, out)
            except RecursionError:
                self.ctx.report(codes.UNSUPPORTED_EXPRESSION, self.ctx.span(stmt), "an expression nested too deeply")
                returned = Returned(None, self.ctx.span(stmt)) if isinstance(stmt, cst.Return) else None
            except Exception as exc:  # noqa: BLE001 - one odd statement must not stop the read
                self.ctx.report(codes.READER_FAILURE, self.ctx.span(stmt), f"{type(exc).__name__}: {exc}")
                returned = Returned(None, self.ctx.span(stmt)) if isinstance(stmt, cst.Return) else None
            finally:
                self.ctx.fallback = saved
            wait_for_raises(self.ctx, out, *read)
        self.ctx.after = waiting
        return returned

    def statement(self, stmt: cst.CSTNode, scope: Scope, out: Body) -> Returned | None:
        match stmt:
            case cst.Pass():
                return None
            case cst.Expr(value=cst.Call()):
                self.exprs.value(stmt.value, scope, out)
            case cst.Assign():
                self._assign(stmt, scope, out)
            case cst.Return():
                return self._return(stmt, scope, out)
            case cst.Raise():
                return read_raise(self.ctx, stmt, out)
            case cst.If():
                return self._if(stmt, scope, out)
            case cst.For():
                self._for(stmt, scope, out)
            case cst.With():
                return self._with(stmt, scope, out)
            case cst.Try() | cst.TryStar():
                return read_try(self, stmt, scope, out)
            case cst.Expr():
                self.ctx.report(codes.UNSUPPORTED_STATEMENT, self.ctx.span(stmt), "an expression that is not a call")
            case _:
                what = _STATEMENTS.get(type(stmt), f"`{self.ctx.code(stmt)}`")
                self.ctx.report(codes.UNSUPPORTED_STATEMENT, self.ctx.span(stmt), what)
        return None

    # ------------------------------------------------------------- assignment

    def _assign(self, stmt: cst.Assign, scope: Scope, out: Body) -> None:
        ctx = self.ctx
        if len(stmt.targets) != 1:
            ctx.report(codes.UNSUPPORTED_STATEMENT, ctx.span(stmt), "a chained assignment")
            return
        target = stmt.targets[0].target
        self._check_not_carried(target, scope)
        if isinstance(target, cst.Name):
            v = self.exprs.value(stmt.value, scope, out)
            if v is not None and v.binding is not None:  # located where assigned (branch outputs keep it)
                v = replace(v, binding=with_span(v.binding, ctx.span(stmt.value)))
            scope.assign(target.value, v if v is not None else Marker.FAILED)
        elif isinstance(target, (cst.Tuple, cst.List)):
            self._unpack(target, stmt.value, scope, out)
        else:
            ctx.report(codes.UNSUPPORTED_STATEMENT, ctx.span(target), "assignment to an attribute or item")

    def _check_not_carried(self, target: cst.BaseAssignTargetExpression, scope: Scope) -> None:
        """FLC125 for each name that a loop body rebinds from outside the loop ("Loops are parallel")."""
        for name in _assigned_names(target):
            if scope.bound_outside_loop(name.value):
                self.ctx.report(codes.LOOP_CARRIED, self.ctx.span(name), name.value)

    def _unpack(self, target: cst.Tuple | cst.List, value: cst.BaseExpression, scope: Scope, out: Body) -> None:
        ctx = self.ctx
        names = [e.value.value for e in target.elements if isinstance(e, cst.Element) and isinstance(e.value, cst.Name)]
        v = self.exprs.value(value, scope, out)
        ok = v is not None and len(names) == len(target.elements)
        if v is not None:
            fields = outputs_of(v.type) if v.node is not None and v.binding is None else ()
            if len(names) != len(target.elements) or not fields or len(fields) != len(names):
                ctx.report(codes.BAD_UNPACK, ctx.span(target), render(v.type), len(target.elements))
                ok = False
            else:
                for name, f in zip(names, fields):
                    binding = OutputBinding(node=v.node or "", field=f.name)
                    scope.assign(name, Value(f.type, binding, f"{v.label}.{f.name}", handle=v.handle))
        if not ok:
            for name in names:
                scope.assign(name, Marker.FAILED)

    # ----------------------------------------------------------------- return

    def _return(self, stmt: cst.Return, scope: Scope, out: Body) -> Returned:
        ctx = self.ctx
        span = ctx.span(stmt)
        if ctx.loop_depth:
            ctx.report(codes.BAD_RETURN, span, "`return` inside a `for` loop")
            return Returned(None, span)
        if stmt.value is None:
            return Returned((), span)
        exprs = [e.value for e in stmt.value.elements] if isinstance(stmt.value, cst.Tuple) else [stmt.value]
        if any(isinstance(e, cst.StarredElement) for e in (stmt.value.elements if isinstance(stmt.value, cst.Tuple) else ())):
            ctx.report(codes.BAD_RETURN, span, "a starred value")
            return Returned(None, span)
        values = [self.exprs.value(e, scope, out) for e in exprs]
        if any(v is None for v in values):
            return Returned(None, span)
        found = [v for v in values if v is not None]
        expanded = expand(found, ctx.pipeline.returns)
        if len(expanded) == len(found):
            for v, e in zip(found, exprs):
                if not self.exprs.usable(v, e):
                    return Returned(None, span)
            return Returned(located(found, [ctx.span(e) for e in exprs]), span)
        return Returned(located(expanded, [ctx.span(exprs[0])] * len(expanded)), span)

    # --------------------------------------------------------------------- if

    def _if(self, stmt: cst.If, scope: Scope, out: Body) -> Returned | None:
        ctx = self.ctx
        cond_id = ctx.ids.numbered("cond")
        branches: list[Branch] = []
        bodies: list[Body] = []
        scopes: list[Scope] = []
        returns: list[Returned | None] = []
        arm: cst.If | cst.Else | None = stmt
        while arm is not None:
            condition = self.conditions.read(arm.test, scope, out) if isinstance(arm, cst.If) else None
            span = ctx.span(arm.test) if isinstance(arm, cst.If) else _first_span(ctx, arm.body)
            inner = scope.child()
            body: Body = []
            returns.append(self.block(statements(arm.body), inner, body))
            branches.append(Branch(condition=condition, body=(), span=span))
            bodies.append(body)
            scopes.append(inner)
            arm = arm.orelse if isinstance(arm, cst.If) else None
        return merge_branches(ctx, stmt, cond_id, branches, bodies, scopes, returns, scope, out)

    # -------------------------------------------------------------------- for

    def _for(self, stmt: cst.For, scope: Scope, out: Body) -> None:
        ctx = self.ctx
        problem = _for_problem(stmt)
        if problem is not None:
            ctx.report(codes.UNSUPPORTED_STATEMENT, ctx.span(stmt), problem)
            return
        assert isinstance(stmt.target, cst.Name)
        items = self.exprs.iterable(stmt.iter, scope, out)
        if items is None or items.binding is None:
            return
        loop_id = ctx.ids.numbered("loop")
        item_type = items.type.item if isinstance(items.type, ListType) else STR
        var = stmt.target.value
        inner = scope.child(loop_var=var)
        inner.assign(var, Value(item_type, LoopItemBinding(loop=loop_id), var))
        body: Body = []
        ctx.loop_depth += 1
        self.block(statements(stmt.body), inner, body)
        ctx.loop_depth -= 1
        for name in inner.names:  # the loop variable too: it has no single value afterwards
            scope.assign(name, Marker.LOOP_LOCAL)
        out.append(
            LoopNode(
                id=loop_id, var=var, items=with_span(items.binding, ctx.span(stmt.iter)), item_type=item_type,
                body=tuple(body), after=ctx.after, span=ctx.span(stmt),
            )
        )

    # ------------------------------------------------------------------- with

    def _with(self, stmt: cst.With, scope: Scope, out: Body) -> Returned | None:
        ctx = self.ctx
        item = stmt.items[0].item if len(stmt.items) == 1 else None
        is_after = isinstance(item, cst.Call) and ctx.info.syms.flowc_attr(item.func) == "after"
        if not isinstance(item, cst.Call) or not is_after or stmt.items[0].asname or stmt.asynchronous:
            ctx.report(codes.UNSUPPORTED_STATEMENT, ctx.span(stmt), "a `with` statement other than `with after(...)`")
            return None
        handles = self._handles(item, scope, out)
        saved = ctx.after
        ctx.after = tuple(dict.fromkeys([*saved, *handles]))
        returned = self.block(statements(stmt.body), scope, out)
        ctx.after = saved
        return returned

    def _handles(self, call: cst.Call, scope: Scope, out: Body) -> list[str]:
        ctx = self.ctx
        handles: list[str] = []
        for arg in call.args:
            if arg.star or arg.keyword is not None:
                ctx.report(codes.BAD_AFTER, ctx.span(arg), "starred or keyword arguments")
                continue
            v = self.exprs.value(arg.value, scope, out)
            if v is None:
                continue
            if v.handle is None:
                ctx.report(codes.BAD_AFTER, ctx.span(arg.value), f"{ctx.code(arg.value)!r} is not a step's result")
                continue
            handles.append(v.handle)
        return handles


def _assigned_names(target: cst.BaseAssignTargetExpression) -> list[cst.Name]:
    if isinstance(target, cst.Name):
        return [target]
    if isinstance(target, (cst.Tuple, cst.List)):
        return [e.value for e in target.elements if isinstance(e, cst.Element) and isinstance(e.value, cst.Name)]
    return []


def _is_docstring(stmt: cst.CSTNode) -> bool:
    return isinstance(stmt, cst.Expr) and isinstance(stmt.value, (cst.SimpleString, cst.ConcatenatedString))


def _first_span(ctx: BodyContext, body: cst.BaseSuite) -> Span | None:
    stmts = statements(body)
    return ctx.span(stmts[0]) if stmts else None


def _for_problem(stmt: cst.For) -> str | None:
    if stmt.asynchronous is not None:
        return "`async for`"
    if stmt.orelse is not None:
        return "`for ... else`"
    if not isinstance(stmt.target, cst.Name):
        return "a `for` target that is not a single name"
    return None
