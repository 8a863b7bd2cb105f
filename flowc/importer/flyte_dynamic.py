"""flytekit `@dynamic` functions whose body a flowc pipeline can hold -> `@pipeline`s.

A `@dynamic` body is Python that runs on the engine with its inputs as values; when it
only calls tasks (and workflows) on its inputs, loops over an input list, branches on
comparisons and returns step results, it means what the same body means in a pipeline.
The list-building idiom

    results = []
    for x in xs:
        results.append(square(x=x))

becomes `results = [square(x=x) for x in xs]` (the fan-in). Anything else (arithmetic,
`range`, indexing, a running total) keeps the function as it was, noted.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from flowc.importer.emit import literal_value

_COMPARISONS = (cst.Equal, cst.NotEqual, cst.LessThan, cst.LessThanEqual, cst.GreaterThan, cst.GreaterThanEqual, cst.In, cst.NotIn)


def pipeline_body(fn: cst.FunctionDef, steps: set[str]) -> list[cst.BaseStatement] | None:
    """The body of `fn` as a pipeline body (`steps`: the names of the file's tasks and workflows), or None."""
    body = fn.body
    if not isinstance(body, cst.IndentedBlock):
        return None
    stmts = _fold_appends(list(body.body))
    return stmts if all(_Expressible(steps).statement(s) for s in stmts) else None


def _fold_appends(stmts: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """`acc = []` then `for x in xs: acc.append(call)` -> `acc = [call for x in xs]`."""
    out: list[cst.BaseStatement] = []
    for stmt in stmts:
        folded = _folded(out[-1], stmt) if out else None
        if folded is not None:
            out[-1] = folded
        else:
            out.append(stmt)
    return out


def _folded(before: cst.BaseStatement, stmt: cst.BaseStatement) -> cst.BaseStatement | None:
    name = _empty_list_name(before)
    if name is None or not isinstance(stmt, cst.For) or stmt.orelse is not None or not isinstance(stmt.body, cst.IndentedBlock):
        return None
    inner = stmt.body.body
    small = inner[0].body[0] if len(inner) == 1 and isinstance(inner[0], cst.SimpleStatementLine) and len(inner[0].body) == 1 else None
    call = small.value if isinstance(small, cst.Expr) else None
    if not (isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute) and isinstance(call.func.value, cst.Name)
            and call.func.value.value == name and call.func.attr.value == "append" and len(call.args) == 1):
        return None
    comprehension = cst.ListComp(elt=call.args[0].value, for_in=cst.CompFor(target=stmt.target, iter=stmt.iter))
    assign = cst.Assign(targets=[cst.AssignTarget(cst.Name(name))], value=comprehension)
    assert isinstance(before, cst.SimpleStatementLine)
    return before.with_changes(body=[assign], leading_lines=[*before.leading_lines, *stmt.leading_lines])


def _empty_list_name(stmt: cst.BaseStatement) -> str | None:
    small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
    if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name):
        value = small.value
        if (isinstance(value, cst.List) and not value.elements) or (isinstance(value, cst.Call) and isinstance(value.func, cst.Name) and value.func.value == "list" and not value.args):
            return small.targets[0].target.value
    return None


class _Expressible:
    """Whether statements and expressions are ones a pipeline body holds with the same meaning."""

    def __init__(self, steps: set[str]) -> None:
        self.steps = steps
        self.bound: set[str] = set()  # names assigned so far

    def statement(self, stmt: cst.BaseStatement) -> bool:
        if isinstance(stmt, cst.SimpleStatementLine):
            return all(self._small(s) for s in stmt.body)
        if isinstance(stmt, cst.For):
            before = set(self.bound)
            ok = stmt.orelse is None and isinstance(stmt.target, cst.Name) and self._reference(stmt.iter) and self._block(stmt.body)
            return ok and not (before & _assigned(stmt.body))  # a running total means something else in a pipeline
        if isinstance(stmt, cst.If):
            orelse = stmt.orelse
            rest = orelse is None or (self.statement(orelse) if isinstance(orelse, cst.If) else self._block(orelse.body))
            return self._test(stmt.test) and self._block(stmt.body) and rest
        return False

    def _block(self, block: cst.BaseSuite) -> bool:
        return isinstance(block, cst.IndentedBlock) and all(self.statement(s) for s in block.body)

    def _small(self, small: cst.BaseSmallStatement) -> bool:
        if isinstance(small, cst.Assign):
            self.bound |= _assigned(small)
            return all(self._target(t.target) for t in small.targets) and self.value(small.value)
        if isinstance(small, cst.Expr):
            return self._call(small.value) or (isinstance(small.value, cst.SimpleString | cst.ConcatenatedString))
        if isinstance(small, cst.Return):
            return small.value is None or self.value(small.value)
        return isinstance(small, cst.Pass)

    def _target(self, target: cst.BaseAssignTargetExpression) -> bool:
        if isinstance(target, cst.Tuple):
            return all(isinstance(e.value, cst.Name) for e in target.elements)
        return isinstance(target, cst.Name)

    def value(self, expr: cst.BaseExpression) -> bool:
        if isinstance(expr, cst.Tuple):
            return all(self.value(e.value) for e in expr.elements)
        if isinstance(expr, cst.ListComp):
            comp = expr.for_in
            return (comp.inner_for_in is None and not comp.ifs and isinstance(comp.target, cst.Name)
                    and self._reference(comp.iter) and (self._call(expr.elt) or self._reference(expr.elt)))
        return self._call(expr) or self._reference(expr) or literal_value(expr)[0]

    def _call(self, expr: cst.BaseExpression) -> bool:
        return (isinstance(expr, cst.Call) and isinstance(expr.func, cst.Name) and expr.func.value in self.steps
                and all(a.star == "" and self.value(a.value) for a in expr.args))

    def _reference(self, expr: cst.BaseExpression) -> bool:
        """A name or a field of one (`x`, `r.total`)."""
        if isinstance(expr, cst.Attribute):
            return self._reference(expr.value)
        return isinstance(expr, cst.Name) and expr.value not in ("True", "False", "None")

    def _test(self, expr: cst.BaseExpression) -> bool:
        if isinstance(expr, cst.BooleanOperation):
            return self._test(expr.left) and self._test(expr.right)
        if isinstance(expr, cst.UnaryOperation) and isinstance(expr.operator, cst.Not):
            return self._test(expr.expression)
        if isinstance(expr, cst.Comparison):
            operands: Sequence[cst.BaseExpression] = [expr.left, *(c.comparator for c in expr.comparisons)]
            return all(isinstance(c.operator, _COMPARISONS) for c in expr.comparisons) and all(self._reference(o) or literal_value(o)[0] for o in operands)
        return self._reference(expr)


def _assigned(node: cst.CSTNode) -> set[str]:
    """Names `node` assigns (`x = ...`, `a, b = ...`)."""
    found: set[str] = set()

    class _Targets(cst.CSTVisitor):
        def visit_AssignTarget(self, node: cst.AssignTarget) -> None:
            names = [e.value for e in node.target.elements] if isinstance(node.target, cst.Tuple) else [node.target]
            found.update(n.value for n in names if isinstance(n, cst.Name))

    node.visit(_Targets())
    return found
