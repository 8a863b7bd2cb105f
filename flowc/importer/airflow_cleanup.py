"""Airflow cleanup tasks -> `try: ... finally: ...`.

A teardown task (`@teardown`, `.as_teardown(...)`) or one with `trigger_rule="all_done"`
runs once its upstream tasks are done, whether they succeeded or failed. When it is the
DAG's last step, the steps before it become the `try` block and its call the `finally`
block (its edges are implied). A teardown leaves the run failed when a step failed, as
`finally` does; an `all_done` leaf made Airflow count the run by the cleanup's own state
(noted). A cleanup step anywhere else stays an ordinary step (noted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from flowc.importer.airflow_context import AirflowContext
from flowc.importer.emit import leading_lines, literal_value, simple_line, with_comments
from flowc.ir import codes

if TYPE_CHECKING:
    from flowc.importer.airflow_dag import DagBody

ALL_DONE = ("all_done", "airflow.utils.trigger_rule.TriggerRule.ALL_DONE", "airflow.sdk.TriggerRule.ALL_DONE",
            "airflow.task.trigger_rule.TriggerRule.ALL_DONE")


def is_all_done(value: cst.BaseExpression, ctx: AirflowContext) -> bool:
    """`"all_done"` or `TriggerRule.ALL_DONE`."""
    ok, given = literal_value(value)
    return (ok and given == "all_done") or (ctx.names.qualified(value) or "") in ALL_DONE


def _small(stmt: cst.BaseStatement) -> cst.BaseSmallStatement | None:
    """The one small statement of `stmt`, looking inside `with after(...)`."""
    if isinstance(stmt, cst.With) and isinstance(stmt.body, cst.IndentedBlock) and len(stmt.body.body) == 1:
        stmt = stmt.body.body[0]
    return stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None


def apply_cleanup(body: DagBody, out: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """`out` with a last cleanup step as the `finally` block of the steps before it."""
    at = [k for k, stmt in enumerate(out) if id(_small(stmt)) in body.cleanups]
    for k in at:
        if k != len(out) - 1 or k == 0:
            node = body.cleanups[id(_small(out[k]))][0]
            out[k] = with_comments(out[k], [body.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, node, "a cleanup task that is not the DAG's last step: it runs as an ordinary step")])
    if not at or at[-1] != len(out) - 1 or at[-1] == 0:
        return out
    last = out[-1]
    small = _small(last)
    assert small is not None
    node, all_done = body.cleanups[id(small)]
    notes = [body.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, node, "trigger_rule all_done: Airflow counted the run by this step's state; after a `finally` the run fails when a step before it failed")] if all_done else []
    cleanup = simple_line(small).with_changes(leading_lines=leading_lines(last))
    final = cst.Finally(body=cst.IndentedBlock(body=[with_comments(cleanup, notes)]))
    first = out[0]
    tried = [first.with_changes(leading_lines=[]) if isinstance(first, cst.SimpleStatementLine | cst.BaseCompoundStatement) else first, *out[1:-1]]
    return [cst.Try(body=cst.IndentedBlock(body=tried), finalbody=final, leading_lines=leading_lines(first))]
