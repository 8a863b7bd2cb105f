"""KFP exit handlers -> `try: ... finally: ...`, and `dsl.PipelineTaskFinalStatus` -> `flowc.RunStatus`.

    exit_task = notify(msg=message)                    try:
    with dsl.ExitHandler(exit_task=exit_task):    ->       work()
        work()                                         finally:
                                                           notify(msg=message, status=run_status())

The statement that made the exit task moves into the `finally` block (a KFP exit task
reads only parameters and literals, as a flowc `finally` step on KFP does). A component
parameter typed `PipelineTaskFinalStatus` becomes one typed `RunStatus`, passed
`run_status()` by the call in the `finally` block; in the component's body the fields
that mean the same are mapped (`error_message` -> `error`; `state`, which KFP spells
`"SUCCEEDED"`/`"FAILED"` and flowc `"succeeded"`/`"failed"`, is compared with the
lowercase literal or read as `state.upper()`), the others become `None` (noted).
"""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from flowc.importer.emit import keyword_arg, simple_line
from flowc.importer.kfp_context import KfpContext
from flowc.ir import codes

FINAL_STATUS = "PipelineTaskFinalStatus"
# PipelineTaskFinalStatus fields -> the RunStatus field of the same meaning.
SAME_MEANING = {"error_message": "error"}
# Fields RunStatus has no counterpart for: each reads as None in the imported task.
NO_COUNTERPART = ("error_code", "pipeline_task_name", "pipeline_job_resource_name")
KFP_STATES = ("SUCCEEDED", "FAILED")


def is_final_status(annotation: cst.BaseExpression, ctx: KfpContext) -> bool:
    return ctx.is_dsl(annotation, FINAL_STATUS)


def map_status_fields(body: cst.BaseSuite, param: str, ctx: KfpContext, notes: list[str]) -> cst.BaseSuite:
    """A component body with `param.<PipelineTaskFinalStatus field>` read from a RunStatus."""
    new = body.visit(_StatusFields(param, ctx, notes))
    assert isinstance(new, cst.BaseSuite)
    return new


class _StatusFields(cst.CSTTransformer):
    def __init__(self, param: str, ctx: KfpContext, notes: list[str]) -> None:
        super().__init__()
        self.param = param
        self.ctx = ctx
        self.notes = notes
        self.compared: set[int] = set()  # `param.state` compared with a state literal: read as it is
        self.lowered: set[int] = set()  # those literals: spelled as flowc spells states

    def _is_field(self, node: cst.BaseExpression, name: str | None = None) -> bool:
        return (
            isinstance(node, cst.Attribute) and isinstance(node.value, cst.Name) and node.value.value == self.param
            and (name is None or node.attr.value == name)
        )

    def visit_Comparison(self, node: cst.Comparison) -> None:
        operands = [node.left, *(c.comparator for c in node.comparisons)]
        for (left, right), target in zip(zip(operands, operands[1:]), node.comparisons):
            if not isinstance(target.operator, cst.Equal | cst.NotEqual):
                continue
            for field, literal in ((left, right), (right, left)):
                if self._is_field(field, "state") and isinstance(literal, cst.SimpleString) and literal.evaluated_value in KFP_STATES:
                    self.compared.add(id(field))
                    self.lowered.add(id(literal))

    def leave_SimpleString(self, original_node: cst.SimpleString, updated_node: cst.SimpleString) -> cst.SimpleString:
        if id(original_node) not in self.lowered:
            return updated_node
        return updated_node.with_changes(value=updated_node.value.replace(str(original_node.evaluated_value), str(original_node.evaluated_value).lower()))

    def leave_Attribute(self, original_node: cst.Attribute, updated_node: cst.Attribute) -> cst.BaseExpression:
        if not self._is_field(original_node):
            return updated_node
        field = original_node.attr.value
        if field in SAME_MEANING:
            return updated_node.with_changes(attr=cst.Name(SAME_MEANING[field]))
        if field == "state" and id(original_node) not in self.compared:
            return cst.Call(func=cst.Attribute(value=updated_node, attr=cst.Name("upper")))
        if field in NO_COUNTERPART:
            what = f"`{self.param}.{field}` of PipelineTaskFinalStatus: flowc.RunStatus has no counterpart, it reads None"
            self.notes.append(self.ctx.notes.add(codes.IMPORT_NOT_TRANSLATED, original_node, what))
            return cst.Name("None", lpar=updated_node.lpar, rpar=updated_node.rpar)
        return updated_node


def exit_task_call(value: cst.BaseExpression, status_param: str | None, ctx: KfpContext) -> cst.BaseExpression:
    """The exit task's call as it runs in the `finally` block: passed `run_status()` when it takes the status."""
    if status_param is None or not isinstance(value, cst.Call):
        return value
    status = keyword_arg(status_param, cst.Call(func=ctx.use("run_status")))
    return value.with_changes(args=[*value.args, status])


def take_assignment(out: list[cst.BaseStatement], name: str) -> cst.SimpleStatementLine | None:
    """Remove from `out` (and return) the last statement that is `name = <call>`."""
    for k in range(len(out) - 1, -1, -1):
        stmt = out[k]
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
        if isinstance(small, cst.Assign) and len(small.targets) == 1 and isinstance(small.targets[0].target, cst.Name) \
                and small.targets[0].target.value == name and isinstance(small.value, cst.Call):
            del out[k]
            assert isinstance(stmt, cst.SimpleStatementLine)
            return stmt
    return None


def names_read(stmts: Sequence[cst.CSTNode]) -> set[str]:
    found: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Name(self, node: cst.Name) -> None:
            found.add(node.value)

    for stmt in stmts:
        stmt.visit(_Names())
    return found


def try_finally(
    body: cst.IndentedBlock, cleanup: cst.BaseSmallStatement, cleanup_lines: Sequence[cst.EmptyLine], lines: Sequence[cst.EmptyLine],
) -> cst.Try:
    """`try: <body> finally: <cleanup>`, the cleanup's comments above it in the `finally` block."""
    final = cst.IndentedBlock(body=[simple_line(cleanup).with_changes(leading_lines=cleanup_lines)])
    return cst.Try(body=body, finalbody=cst.Finally(body=final), leading_lines=lines)

