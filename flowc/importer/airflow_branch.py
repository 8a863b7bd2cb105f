"""`@task.branch` -> `if`: the steps a branch task leads to run under `if choice == "<task id>":`.

A branch task returns the task id of the step to follow. When every step it leads to
(`choice >> [a, b]`) is made by one statement of the DAG body, those statements move
into one `if/elif` on the returned id, placed where the last of them was. Steps after
the branches (a join) are ordered after the branch task only: flowc cannot wait for a
branch that did not run (noted).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import libcst as cst

from flowc.importer.emit import comment_lines, literal, with_comments
from flowc.importer.ordering import assigns
from flowc.ir import codes

if TYPE_CHECKING:
    from flowc.importer.airflow_dag import DagBody, Edge


def apply_branches(body: DagBody, out: list[cst.BaseStatement], edges: list[Edge]) -> tuple[list[cst.BaseStatement], list[Edge]]:
    """`out` with each branch task's targets moved under an `if`, and the edges that remain to apply."""
    from flowc.importer.airflow_dag import Edge

    for choice, task in list(body.tasks.items()):
        if task not in body.ctx.tasks or not body.ctx.tasks[task].branch:
            continue
        targets = [e for e in edges if e.before == choice]
        if not targets:
            continue
        indices = [_index(out, e.after) for e in targets]
        if any(i is None for i in indices):
            continue
        stmts = {e.after: out[i] for e, i in zip(targets, indices) if i is not None}
        chain = _if_chain(body, choice, list(stmts.items()))
        at = max(i for i in indices if i is not None)
        out = [s for k, s in enumerate(out) if k not in indices or k == at]
        out[out.index(stmts[targets[indices.index(at)].after])] = chain
        moved = set(stmts)
        kept: list[Edge] = []
        for e in edges:
            if e.before == choice and e.after in moved:
                continue
            if e.before in moved:
                note = body.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, e.node, f"`{e.before} >> {e.after}` after a branch: {e.after} now waits for {choice} only")
                kept.append(Edge(choice, e.after, e.node))
                out[-1] = with_comments(out[-1], [note])
            else:
                kept.append(e)
        edges = kept
    return out, edges


def _index(out: list[cst.BaseStatement], name: str) -> int | None:
    return next((k for k, s in enumerate(out) if isinstance(s, cst.SimpleStatementLine) and assigns(s, name)), None)


def _if_chain(body: DagBody, choice: str, branches: list[tuple[str, cst.BaseStatement]]) -> cst.If:
    orelse: cst.If | None = None
    for name, stmt in reversed(branches):
        task_id = body.ctx.tasks[body.tasks[name]].task_id if body.tasks.get(name) in body.ctx.tasks else name
        test = cst.Comparison(left=cst.Name(choice), comparisons=[cst.ComparisonTarget(cst.Equal(), literal(task_id))])
        inner = stmt.with_changes(leading_lines=[]) if isinstance(stmt, cst.SimpleStatementLine) else stmt
        lines = stmt.leading_lines if isinstance(stmt, cst.SimpleStatementLine) else ()
        orelse = cst.If(test=test, body=cst.IndentedBlock(body=[inner]), orelse=orelse, leading_lines=[*lines, *comment_lines([])])
    assert orelse is not None
    return orelse
