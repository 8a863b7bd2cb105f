"""Expressions in a pipeline body: names, fields, literals, step calls, comprehensions."""

from __future__ import annotations

from dataclasses import dataclass

import libcst as cst

from flowc.dsl.reader.bodyctx import BodyContext, SubCall, with_span
from flowc.dsl.reader.cleanup import run_status_value
from flowc.dsl.reader.identity import module_key
from flowc.dsl.reader.literals import NotLiteral, describe, fits, literal_type, literal_value
from flowc.dsl.reader.scope import Body, Marker, Scope, Value
from flowc.dsl.reader.signatures import Signature
from flowc.ir import codes
from flowc.ir.names import python_name
from flowc.ir.model import (
    ConstBinding,
    Input,
    LoopItemBinding,
    LoopNode,
    OutputBinding,
    PipelineNode,
    TaskNode,
)
from flowc.ir.types import STR, ListType, NamedTupleType, NoneType, TupleType, is_assignable, render

_UNSUPPORTED: dict[type[cst.CSTNode], str] = {
    cst.BinaryOperation: "an arithmetic or bitwise operation",
    cst.Subscript: "indexing or slicing",
    cst.FormattedString: "an f-string",
    cst.Comparison: "a comparison outside an `if`",
    cst.BooleanOperation: "`and`/`or` outside an `if`",
    cst.Lambda: "a lambda",
    cst.IfExp: "a conditional expression",
    cst.NamedExpr: "an assignment expression (`:=`)",
    cst.Await: "`await`",
    cst.Yield: "`yield`",
    cst.Set: "a set",
    cst.Tuple: "a tuple (return or unpack several values instead)",
    cst.Ellipsis: "`...`",
    cst.Imaginary: "a complex number",
}
_COMPREHENSIONS: dict[type[cst.CSTNode], str] = {
    cst.GeneratorExp: "a generator expression",
    cst.SetComp: "a set comprehension",
    cst.DictComp: "a dict comprehension",
}


@dataclass
class ExpressionReader:
    """Evaluates expressions to `Value`s, appending the nodes they create to a body."""

    ctx: BodyContext

    def value(self, expr: cst.BaseExpression, scope: Scope, out: Body) -> Value | None:
        """What `expr` is, or None after reporting why it cannot be used."""
        match expr:
            case cst.Name():
                return self._name(expr, scope)
            case cst.Attribute():
                return self._field(expr, scope, out)
            case cst.Call():
                return self.call(expr, scope, out)
            case cst.ListComp():
                return self._comprehension(expr, scope, out)
            case cst.Integer() | cst.Float() | cst.SimpleString() | cst.ConcatenatedString() | cst.List() | cst.Dict():
                return self._literal(expr)
            case cst.UnaryOperation(operator=cst.Minus() | cst.Plus()):
                return self._literal(expr)
            case _:
                return self._unsupported(expr)

    def _unsupported(self, expr: cst.BaseExpression) -> None:
        kind = type(expr)
        if kind in _COMPREHENSIONS:
            self.ctx.report(codes.BAD_COMPREHENSION, self.ctx.span(expr), _COMPREHENSIONS[kind])
        else:
            what = _UNSUPPORTED.get(kind, f"`{self.ctx.code(expr)}`")
            self.ctx.report(codes.UNSUPPORTED_EXPRESSION, self.ctx.span(expr), what)
        return None

    def usable(self, v: Value, expr: cst.CSTNode) -> bool:
        """Whether `v` can be passed on as one value (reported when not)."""
        if v.binding is not None:
            return True
        if isinstance(v.type, NoneType):
            self.ctx.report(codes.NO_RESULT, self.ctx.span(expr), v.label)
        else:
            what = f"the whole result of {v.label!r} ({render(v.type)})"
            self.ctx.report(codes.UNSUPPORTED_EXPRESSION, self.ctx.span(expr), what, hint="use its fields, or unpack it")
        return False

    # ------------------------------------------------------------------ names

    def _name(self, expr: cst.Name, scope: Scope) -> Value | None:
        name = expr.value
        if name in ("True", "False", "None"):
            return self._literal(expr)
        found = scope.lookup(name)
        if isinstance(found, Value):
            return found
        if found is Marker.LOOP_LOCAL:
            self.ctx.report(codes.LOOP_VALUE_OUTSIDE, self.ctx.span(expr), name)
            return None
        if found is Marker.SOME_BRANCHES:
            self.ctx.report(codes.NOT_ALL_BRANCHES, self.ctx.span(expr), name)
            return None
        if found is Marker.FAILED:
            return None
        if self.ctx.constants(name) is not None:
            return self._literal(expr)
        if self.ctx.project.lookup(self.ctx.info, expr) is not None:
            self.ctx.report(codes.UNSUPPORTED_EXPRESSION, self.ctx.span(expr), f"{name!r} without calling it")
            return None
        self.ctx.report(codes.UNDEFINED_NAME, self.ctx.span(expr), name)
        return None

    def _field(self, expr: cst.Attribute, scope: Scope, out: Body) -> Value | None:
        base = self.value(expr.value, scope, out)
        if base is None:
            return None
        attr = expr.attr.value
        if isinstance(base.type, NamedTupleType) and base.node is not None:
            f = base.type.field(attr)
            if f is not None:
                binding = OutputBinding(node=base.node, field=attr)
                return Value(f.type, binding, f"{base.label}.{attr}", handle=base.handle)
        whole = self.ctx.span(expr)
        span = whole.model_copy(update={"line": whole.end_line, "col": max(1, whole.end_col - len(attr))}) if whole else None
        self.ctx.report(codes.NO_SUCH_FIELD, span, render(base.type), attr)
        return None

    def _literal(self, expr: cst.BaseExpression) -> Value | None:
        try:
            value = literal_value(expr, self.ctx.constants)
        except NotLiteral as exc:
            if isinstance(expr, (cst.List, cst.Dict)):
                kind = "list" if isinstance(expr, cst.List) else "dict"
                self.ctx.report(codes.RUNTIME_COLLECTION, self.ctx.span(expr), kind)
            elif isinstance(expr, cst.Name):
                what = f"module-level name {expr.value!r}, which is not a literal constant"
                self.ctx.report(codes.UNSUPPORTED_EXPRESSION, self.ctx.span(expr), what)
            else:
                self._unsupported(exc.node if isinstance(exc.node, cst.BaseExpression) else expr)
            return None
        return Value(literal_type(value) or STR, ConstBinding(value=value), describe(value))

    # ------------------------------------------------------------------ calls

    def call(self, expr: cst.Call, scope: Scope, out: Body) -> Value | None:
        ctx = self.ctx
        if ctx.info.syms.flowc_attr(expr.func) == "run_status":
            return run_status_value(ctx, expr)
        callee = ctx.project.lookup(ctx.info, expr.func)
        if callee is None:
            self._not_a_step(expr)
            return None
        if callee is ctx.pipeline:
            ctx.report(codes.RECURSIVE_PIPELINE, ctx.span(expr.func), callee.name)
            return None
        inputs = self._inputs(callee, expr, scope, out)
        if inputs is None:
            return None
        node_id = ctx.ids.step(python_name(callee.name) or "step")
        span = ctx.span(expr)
        deps = {i.binding.node for i in inputs if isinstance(i.binding, OutputBinding)}
        after = tuple(a for a in ctx.after if a not in deps)
        if callee.is_pipeline:
            ctx.calls.append(SubCall(callee, ctx.span(expr.func)))
            out.append(PipelineNode(id=node_id, pipeline=module_key(callee.syms.name, callee.name), inputs=inputs, after=after, span=span))
        else:
            out.append(TaskNode(id=node_id, task=module_key(callee.syms.name, callee.name), inputs=inputs, after=after, span=span))
        returns = callee.returns
        if isinstance(returns, (NoneType, NamedTupleType, TupleType)):
            return Value(returns, None, callee.name, handle=node_id, node=node_id)
        return Value(returns, OutputBinding(node=node_id), callee.name, handle=node_id, node=node_id)

    def _not_a_step(self, expr: cst.Call) -> None:
        ctx = self.ctx
        attr = ctx.info.syms.flowc_attr(expr.func)
        if attr == "after":
            ctx.report(codes.UNSUPPORTED_STATEMENT, ctx.span(expr), "`after(...)` outside a `with` statement")
        elif ctx.project.find_namedtuple(ctx.info.syms, expr.func) is not None:
            ctx.report(codes.UNSUPPORTED_EXPRESSION, ctx.span(expr), "building a NamedTuple in a pipeline")
        elif (cycle := ctx.project.import_cycle(ctx.info, expr.func)) is not None:
            ctx.report(codes.IMPORT_CYCLE, ctx.span(expr.func), cycle)
        elif (missing := ctx.project.missing_member(ctx.info, expr.func)) is not None:
            ctx.report(codes.IMPORTED_NAME_NOT_FOUND, ctx.span(expr.func), *missing)
        else:
            ctx.report(codes.UNKNOWN_TASK, ctx.span(expr.func), ctx.code(expr.func))

    def _inputs(self, callee: Signature, expr: cst.Call, scope: Scope, out: Body) -> tuple[Input, ...] | None:
        """The call's arguments bound to the callee's parameters, in parameter order."""
        positional = [p.name for p in callee.params if p.name not in callee.keyword_only]
        count = sum(1 for a in expr.args if a.keyword is None and not a.star)
        given: dict[str, Input] = {}
        ok = True
        index = 0
        for arg in expr.args:
            if arg.keyword is None and not arg.star:
                index += 1
            name = self._parameter_for(callee, arg, positional, index, count)
            if name is not None and name in given:
                self.ctx.report(codes.DUPLICATE_INPUT, self.ctx.span(arg), name)
                name = None
            bound = self._argument(callee, name, arg.value, scope, out) if name is not None else None
            if bound is None:
                ok = False
                continue
            given[bound.name] = bound
        if ok and callee.ok:
            missing = [p.name for p in callee.params if not p.has_default and p.name not in given]
            for name in missing:
                self.ctx.report(codes.MISSING_INPUT, self.ctx.span(expr.func), name, callee.name)
            ok = not missing
        return tuple(given[p.name] for p in callee.params if p.name in given) if ok else None

    def _parameter_for(self, callee: Signature, arg: cst.Arg, positional: list[str], index: int, count: int) -> str | None:
        """The parameter an argument binds, or None (reported) when it binds none."""
        ctx = self.ctx
        if arg.star:
            ctx.report(codes.UNSUPPORTED_EXPRESSION, ctx.span(arg), f"`{arg.star}` arguments")
            return None
        if arg.keyword is not None:
            name = arg.keyword.value
            if callee.param(name) is None:
                if callee.ok:
                    ctx.report(codes.UNKNOWN_INPUT, ctx.span(arg), callee.name, name)
                return None
            return name
        if index > len(positional):
            if index == len(positional) + 1 and callee.ok:
                ctx.report(codes.TOO_MANY_POSITIONAL, ctx.span(arg.value), callee.name, len(positional), count)
            return None
        return positional[index - 1]

    def _argument(self, callee: Signature, name: str, expr: cst.BaseExpression, scope: Scope, out: Body) -> Input | None:
        v = self.value(expr, scope, out)
        if v is None or not self.usable(v, expr) or v.binding is None:
            return None
        param = callee.param(name)
        assert param is not None
        span = self.ctx.span(expr)
        if isinstance(v.binding, ConstBinding):
            ok, got = fits(v.binding.value, param.type), describe(v.binding.value)
        else:
            ok, got = is_assignable(v.type, param.type), render(v.type)
        if not ok:
            self.ctx.report(codes.TYPE_MISMATCH, span, name, callee.name, render(param.type), got)
            return None
        return Input(name=name, binding=with_span(v.binding, span))

    # ---------------------------------------------------------- comprehensions

    def _comprehension(self, expr: cst.ListComp, scope: Scope, out: Body) -> Value | None:
        ctx = self.ctx
        comp = expr.for_in
        problem = _comprehension_problem(comp)
        if problem is not None:
            ctx.report(codes.BAD_COMPREHENSION, ctx.span(expr), problem)
            return None
        assert isinstance(comp.target, cst.Name)
        items = self.iterable(comp.iter, scope, out)
        if items is None:
            return None
        loop_id = ctx.ids.numbered("loop")
        inner = scope.child()
        item_type = items.type.item if isinstance(items.type, ListType) else STR
        inner.assign(comp.target.value, Value(item_type, LoopItemBinding(loop=loop_id), comp.target.value))
        body: Body = []
        element = self.value(expr.elt, inner, body)
        if element is None or not self.usable(element, expr.elt) or element.binding is None:
            return None
        if not body:
            ctx.report(codes.BAD_COMPREHENSION, ctx.span(expr.elt), "its element must call a task or pipeline")
            return None
        span = ctx.span(expr)
        assert items.binding is not None
        out.append(
            LoopNode(
                id=loop_id, var=comp.target.value, items=with_span(items.binding, ctx.span(comp.iter)),
                item_type=item_type, body=tuple(body), result=with_span(element.binding, ctx.span(expr.elt)),
                result_type=element.type, after=ctx.after, span=span,
            )
        )
        return Value(ListType(item=element.type), OutputBinding(node=loop_id), "the fan-in list", handle=loop_id, node=loop_id)

    def iterable(self, expr: cst.BaseExpression, scope: Scope, out: Body) -> Value | None:
        """A list-typed value to fan out over (FLC109 otherwise)."""
        items = self.value(expr, scope, out)
        if items is None or not self.usable(items, expr):
            return None
        if not isinstance(items.type, ListType):
            self.ctx.report(codes.NOT_ITERABLE, self.ctx.span(expr), render(items.type))
            return None
        return items


def _comprehension_problem(comp: cst.CompFor) -> str | None:
    if comp.inner_for_in is not None:
        return "several `for` clauses (nest the comprehensions instead)"
    if comp.ifs:
        return "an `if` filter"
    if comp.asynchronous is not None:
        return "`async for`"
    if not isinstance(comp.target, cst.Name):
        return "a loop target that is not a single name"
    return None
