"""Ordering without data: `with after(...)` around the statement that makes a step.

KFP's `.after(t)` and Airflow's `a >> b` order steps that share no data; in flowc the
statement that makes the later step sits in `with after(a):`.
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from flowc.importer.module import ImportContext, leading


def in_after(stmt: cst.BaseStatement, handles: Sequence[cst.BaseExpression], ctx: ImportContext) -> cst.With:
    """`with after(*handles):` around `stmt` (its comments stay above the `with`)."""
    call = cst.Call(func=ctx.use("after"), args=[cst.Arg(h) for h in handles])
    inner = stmt.with_changes(leading_lines=[]) if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement) else stmt
    return cst.With(items=[cst.WithItem(call)], body=cst.IndentedBlock(body=[inner]), leading_lines=leading(stmt))


def order_earlier(out: list[cst.BaseStatement], name: str, handles: Sequence[cst.BaseExpression], ctx: ImportContext) -> bool:
    """Put the last statement of `out` that assigns `name` after `handles`; False when there is none."""
    for k in range(len(out) - 1, -1, -1):
        made = out[k]
        if isinstance(made, cst.SimpleStatementLine) and assigns(made, name):
            out[k] = in_after(made, handles, ctx)
            return True
        item = made.items[0].item if isinstance(made, cst.With) and len(made.items) == 1 else None
        if isinstance(made, cst.With) and isinstance(item, cst.Call) and isinstance(item.func, cst.Name) and item.func.value == "after":
            body: Sequence[cst.BaseStatement] = made.body.body if isinstance(made.body, cst.IndentedBlock) else ()
            if any(isinstance(s, cst.SimpleStatementLine) and assigns(s, name) for s in body):
                out[k] = made.with_changes(items=[cst.WithItem(item.with_changes(args=[*item.args, *(cst.Arg(h) for h in handles)]))])
                return True
    return False


def assigns(line: cst.SimpleStatementLine, name: str) -> bool:
    """Whether the line assigns `name` (`name = ...`)."""
    return any(
        isinstance(a, cst.Assign) and any(isinstance(t.target, cst.Name) and t.target.value == name for t in a.targets)
        for a in line.body
    )
