"""`try: ... finally: ...` (a `CleanupNode`, see `flowc.ir.cleanup`) in a flytekit workflow.

Flyte has one failure handler per workflow: `@workflow(on_failure=...)`, run once
when the workflow fails, with the workflow's inputs and `err: Optional[FlyteError]`
(`WorkflowBase.__call__` locally, propeller's failure node on a cluster). So:
- the `finally` steps run after every step of the `try` body in the workflow itself
  (the `try` block succeeded: `run_status()` is None there, read as `succeeded`);
- and again, as the generated workflow `<pipeline>_on_failure`, the workflow's failure
  handler (the `try` block failed: `run_status()` is its `err`). Either path runs
  them once; the run stays failed after the handler.
A step taking `RunStatus` has a `typing.Optional[FlyteError]` input, turned into a
`RunStatus` by the glue (`_flowc_in`). Hence one `try` block per workflow, at the top
level of the launched pipeline, and `finally` steps that read only the workflow's
inputs and literals (FLC710).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from flowc.ir import codes
from flowc.ir.cleanup import cleanup_nodes, cleanup_reads
from flowc.ir.diagnostics import Diagnostic
from flowc.codegen.literals import py_literal
from flowc.ir.model import CleanupNode, Pipeline, PipelineNode, TaskNode
from flowc.ir.names import python_name
from flowc.backends.flyte.functions import FlyteFunction, Names
from flowc.backends.flyte.typemap import FLYTE_ERROR

if TYPE_CHECKING:
    from flowc.backends.flyte.workflows import Scope, WorkflowWriter

ERROR_INPUT = "err"  # the name flytekit and propeller give a failure handler's error input


def handler_name(pipeline: Pipeline) -> str | None:
    """The failure handler of a pipeline's workflow, when it has a `try` block."""
    return f"{python_name(pipeline.name)}_on_failure" if cleanup_nodes(pipeline.body) else None


def check_cleanup(pipeline: Pipeline, entry: bool) -> list[Diagnostic]:
    """Where Flyte cannot run a pipeline's `try` blocks as flowc means them."""
    out: list[Diagnostic] = []
    blocks = cleanup_nodes(pipeline.body)
    top = [n for n in pipeline.body if isinstance(n, CleanupNode)]
    for node in blocks:
        if node not in top:
            out.append(_unsupported(node, "a `try` block inside another block (Flyte has one failure handler per workflow)"))
        elif len(top) > 1 and node is not top[0]:
            out.append(_unsupported(node, "a second `try` block in one pipeline (Flyte has one failure handler per workflow)"))
        elif not entry:
            out.append(_unsupported(node, "a `try` block in a sub-pipeline (Flyte runs the failure handler of the launched workflow)"))
        for read in cleanup_reads(node):
            out.append(Diagnostic.of(codes.FLYTE_CLEANUP_READS, read.binding.span or read.node.span, f"the output of {read.binding.node!r}"))
    if blocks and pipeline.param(ERROR_INPUT) is not None:
        out.append(_unsupported(blocks[0], f"a `try` block in a pipeline with a parameter named {ERROR_INPUT!r}, the failure handler's error input"))
    return out


def _unsupported(node: CleanupNode, what: str) -> Diagnostic:
    return Diagnostic.of(codes.FLYTE_UNSUPPORTED, node.span, what)


def success_path(writer: WorkflowWriter, node: CleanupNode, scope: Scope, handles: dict[str, str], lines: list[str], names: Names) -> None:
    """The `try` body, then its `finally` steps after every step of it (`run_status()`: None).

    The body's calls are named after their steps (`node_name`), so that a failure's
    `FlyteError.failed_node_id` on a cluster names the step (dnsified).
    """
    writer.body(node.body, scope, handles, lines, names)
    for step in node.body:
        if isinstance(step, (TaskNode, PipelineNode)):
            lines.append(f"{handles[step.id]}.with_overrides(node_name={py_literal(step.id)})")
    scope[("status", node.id, None)] = "None"
    writer.body(node.cleanup, scope, handles, lines, names)
    for step in node.cleanup:
        for before in node.body:
            lines.append(f"_flowc_after({handles[before.id]}, {handles[step.id]})")


def failure_handler(writer: WorkflowWriter, node: CleanupNode, name: str) -> FlyteFunction:
    """The workflow's `on_failure`: its inputs and `err`, the `finally` steps (`run_status()`: `err`)."""
    p = writer.pipeline
    names = Names({q.name for q in p.params} | {ERROR_INPUT})
    scope: Scope = {("param", q.name, None): q.name for q in p.params}
    scope[("status", node.id, None)] = ERROR_INPUT
    lines: list[str] = []
    writer.body(node.cleanup, scope, {}, lines, names)
    params = [*writer.workflow_params(), (ERROR_INPUT, FLYTE_ERROR, "None")]
    doc = f"Runs the `finally` steps of {node.id} when the workflow fails (its failure handler)."
    return FlyteFunction("workflow", name, params, "None", doc, lines)
