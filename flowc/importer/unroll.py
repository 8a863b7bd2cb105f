"""`for i in range(N):` in a DAG's body -> N copies of its body (the DAG file's own structure).

Airflow runs such a loop when it parses the file, to build N groups of tasks: the loop is
the DAG's shape, not a runtime loop. A literal `range` (at most MAX_COPIES items) over a
body of simple statements is unrolled at import: copy k has the loop variable replaced by
the literal k and each name the body assigns suffixed `_k`, so the copies stay apart.
"""

from __future__ import annotations

import libcst as cst

from flowc.importer.emit import literal_value

MAX_COPIES = 32


def unroll_range(stmt: cst.BaseStatement) -> list[cst.BaseStatement]:
    """The copies of a literal-range loop's body, or `[stmt]` when it is not one."""
    values = _range_values(stmt)
    if values is None or not isinstance(stmt, cst.For) or not isinstance(stmt.target, cst.Name) or not isinstance(stmt.body, cst.IndentedBlock):
        return [stmt]
    body = [s for s in stmt.body.body if isinstance(s, cst.SimpleStatementLine)]
    if stmt.orelse is not None or len(body) != len(stmt.body.body):
        return [stmt]
    assigned = {t.target.value for s in body for small in s.body if isinstance(small, cst.Assign) for t in small.targets if isinstance(t.target, cst.Name)}
    copies: list[cst.BaseStatement] = []
    for k in values:
        names: dict[str, cst.BaseExpression] = {name: cst.Name(f"{name}_{k}") for name in assigned}
        names[stmt.target.value] = cst.Integer(str(k)) if k >= 0 else cst.UnaryOperation(cst.Minus(), cst.Integer(str(-k)))
        copies += [s.visit(_Substitute(names)) for s in body]  # type: ignore[misc]
    if copies:
        copies[0] = copies[0].with_changes(leading_lines=stmt.leading_lines)
    return copies


def _range_values(stmt: cst.BaseStatement) -> list[int] | None:
    if not (isinstance(stmt, cst.For) and isinstance(stmt.iter, cst.Call) and isinstance(stmt.iter.func, cst.Name) and stmt.iter.func.value == "range"):
        return None
    bounds: list[int] = []
    for arg in stmt.iter.args:
        ok, value = literal_value(arg.value)
        if arg.keyword is not None or arg.star or not ok or not isinstance(value, int) or isinstance(value, bool):
            return None
        bounds.append(value)
    if not 1 <= len(bounds) <= 3 or (len(bounds) == 3 and bounds[2] == 0):
        return None
    values = list(range(*bounds)[:MAX_COPIES + 1])
    return values if len(values) <= MAX_COPIES else None


class _Substitute(cst.CSTTransformer):
    def __init__(self, names: dict[str, cst.BaseExpression]) -> None:
        super().__init__()
        self.names = names

    def leave_Name(self, original_node: cst.Name, updated_node: cst.Name) -> cst.BaseExpression:
        return self.names.get(updated_node.value, updated_node)

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        return updated_node.with_changes(attr=original_node.attr)  # `x.name` keeps its attribute name
