"""`try: ... finally: ...` in a pipeline body: what a `CleanupNode` means, decided once here.

A `CleanupNode(body, cleanup)` runs `body`; then, whether `body` succeeded or
failed, it runs `cleanup` exactly once. When `body` failed, the run still fails
(after the cleanup); when it succeeded, the pipeline goes on after the node and may
use the values `body` made (its top-level values are visible after the node, as in
Python). A step of `cleanup` may take `run_status()` (`RunStatusBinding`), typed
`RunStatus`: the state of `body` (`succeeded` / `failed`) and, where the engine
says, the failed step and its error.

What a cleanup step may read depends on the engine: Airflow hands any earlier
value over (a teardown task reads XComs), KFP's exit task and Flyte's failure
handler only pipeline parameters and literals. Each backend asks `cleanup_reads`
and reports what it cannot hand over at the binding.

Rendering, per engine:
- KFP: `body` becomes the `exit-handler-N` sub-DAG; the cleanup step is the exit task
  (`triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED`, a `TASK_FINAL_STATUS` input
  produced by the exit handler).
- Airflow: the cleanup steps are teardown tasks (`trigger_rule="all_done"`) downstream
  of every step of `body`; teardowns do not decide the dag run's state.
- Flyte: the cleanup steps run after `body` in the workflow (success) and, through a
  generated failure workflow, as its `on_failure` handler (failure); one per workflow.
- The local runner: run `body`; run `cleanup` in any case, `run_status()` bound to
  `RunStatus(state, failed_step, error)`; then fail the run if `body` failed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from flowc.ir import codes
from flowc.ir.bindings import node_bindings
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import (
    CleanupNode,
    ConditionNode,
    LoopNode,
    Node,
    OutputBinding,
    Pipeline,
    PipelineNode,
    Program,
    RunStatusBinding,
    TaskNode,
    iter_nodes,
)
from flowc.ir.types import RunStatusType, contains_run_status

__all__ = ["CleanupRead", "cleanup_nodes", "cleanup_reads", "validate_cleanup"]


@dataclass(frozen=True)
class CleanupRead:
    """A binding a step of a `finally` block reads, and where it comes from."""

    node: TaskNode | PipelineNode | LoopNode | ConditionNode | CleanupNode
    binding: OutputBinding


def cleanup_nodes(body: tuple[Node, ...]) -> list[CleanupNode]:
    """Every `try/finally` of a body, nested ones included, in source order."""
    return [n for n in iter_nodes(body) if isinstance(n, CleanupNode)]


def cleanup_reads(node: CleanupNode) -> Iterator[CleanupRead]:
    """The outputs of steps outside `node.cleanup` that its steps read (what an engine must hand over)."""
    inside = {n.id for n in iter_nodes(node.cleanup)}
    for n in iter_nodes(node.cleanup):
        for b in node_bindings(n):
            if isinstance(b, OutputBinding) and b.node not in inside:
                yield CleanupRead(n, b)


def validate_cleanup(program: Program) -> list[Diagnostic]:
    """What no engine accepts: `run_status()` outside a step of its `finally` block, `RunStatus` elsewhere."""
    out: list[Diagnostic] = []
    for task in program.tasks:
        if contains_run_status(task.returns):
            out.append(Diagnostic.of(codes.RUN_STATUS_PLACE, task.span, "cannot be returned by a task"))
        for p in task.params:
            if contains_run_status(p.type) and not isinstance(p.type, RunStatusType):
                out.append(Diagnostic.of(codes.RUN_STATUS_PLACE, p.span or task.span, "cannot be nested in another type"))
    for pipeline in program.pipelines:
        out.extend(_pipeline_problems(pipeline))
    return out


def _pipeline_problems(pipeline: Pipeline) -> Iterator[Diagnostic]:
    for p in pipeline.params:
        if contains_run_status(p.type):
            yield Diagnostic.of(codes.RUN_STATUS_PLACE, p.span or pipeline.span, "cannot be a pipeline's parameter")
    if contains_run_status(pipeline.returns):
        yield Diagnostic.of(codes.RUN_STATUS_PLACE, pipeline.span, "cannot be a pipeline's result")
    allowed: dict[str, str] = {}  # status reads allowed: step id -> its try block
    for block in cleanup_nodes(pipeline.body):
        for n in block.cleanup:
            if isinstance(n, TaskNode):
                allowed[n.id] = block.id
    for n in iter_nodes(pipeline.body):
        for b in node_bindings(n):
            if isinstance(b, RunStatusBinding) and allowed.get(n.id) != b.block:
                yield Diagnostic.of(codes.RUN_STATUS_OUTSIDE_FINALLY, b.span or n.span)
    for r in pipeline.results:
        if isinstance(r.binding, RunStatusBinding):
            yield Diagnostic.of(codes.RUN_STATUS_OUTSIDE_FINALLY, r.binding.span or pipeline.span)
