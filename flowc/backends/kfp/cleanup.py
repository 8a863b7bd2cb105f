"""`try: ... finally: ...` (a `CleanupNode`, see `flowc.ir.cleanup`) as a KFP `dsl.ExitHandler`.

The `try` body becomes the exit handler's DAG component; the one step of the
`finally` block its exit task, laid out as the kfp compiler does: in the same DAG,
`dependentTasks: [<handler>]`, `triggerPolicy.strategy: ALL_UPSTREAM_TASKS_COMPLETED`,
and a `TASK_FINAL_STATUS` input whose `taskFinalStatus.producerTask` is the handler
(`run_status()`, or a hidden `flowc-status` input: kfp.local tells an exit task
from an `ignore_upstream_failure()` task by that input,
`kfp/local/orchestrator/enhanced_dag_orchestrator.py`). KFP allows an exit handler
only in a pipeline's outermost scope (`build_exit_handler_groups_recursively` in
`kfp/compiler/pipeline_spec_builder.py`), and its exit task depends on no other step,
so it reads pipeline parameters and literals only (FLC510).

Values of the `try` body used after it leave the handler's DAG as its outputs,
`<task>-<key>`, as a condition's do.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flowc.ir import codes
from flowc.ir.bindings import node_bindings
from flowc.ir.cleanup import cleanup_reads
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import CleanupNode, OutputBinding, Pipeline, RunStatusBinding, TaskNode, iter_nodes
from flowc.ir.types import NamedTupleType, TupleType
from flowc.backends.kfp import components as comp
from flowc.backends.kfp.kfp_types import io_definition
from flowc.backends.kfp.scope import Scope, selector

if TYPE_CHECKING:
    from flowc.backends.kfp.dag import SpecBuilder

STATUS_INPUT = "flowc-status"
FINAL_STATUS = {"isOptional": True, "parameterType": "TASK_FINAL_STATUS"}


Readers = dict[str, set[str]]
"""Who reads each node's outputs: node ids, and "" for the pipeline's results."""


def readers(pipeline: Pipeline) -> Readers:
    """Who reads the outputs of each node of `pipeline`."""
    found: Readers = {}
    for n in iter_nodes(pipeline.body):
        for b in node_bindings(n):
            if isinstance(b, OutputBinding):
                found.setdefault(b.node, set()).add(n.id)
    for r in pipeline.results:
        if isinstance(r.binding, OutputBinding):
            found.setdefault(r.binding.node, set()).add("")
    return found


def cleanup_tasks(builder: SpecBuilder, node: CleanupNode, scope: Scope, outermost: bool, read: Readers) -> dict[str, Any]:
    """The exit handler task and its exit task, by task name (none when KFP cannot express the node)."""
    if not _expressible(builder, node, outermost):
        return {}
    handler = scope.names[node.id]
    child = scope.child()
    tasks = builder.body(node.body, child)
    component: dict[str, Any] = {"dag": {"tasks": tasks}}
    _export(builder, node, scope, child, component, read)
    out = {handler: builder.nested(handler, scope, child, component, {})}
    exit_node = node.cleanup[0]
    assert isinstance(exit_node, TaskNode)
    exit_spec = builder.task_node(exit_node, scope)
    exit_spec["dependentTasks"] = sorted({*exit_spec.get("dependentTasks", ()), handler})
    exit_spec["triggerPolicy"] = {"strategy": "ALL_UPSTREAM_TASKS_COMPLETED"}
    if not any(isinstance(b, RunStatusBinding) for b in node_bindings(exit_node)):
        definitions = builder.components[exit_spec["componentRef"]["name"]].setdefault("inputDefinitions", {})
        definitions.setdefault("parameters", {})[STATUS_INPUT] = dict(FINAL_STATUS)
        builder.components[exit_spec["componentRef"]["name"]]["inputDefinitions"] = comp.sorted_sections(definitions)
        exit_spec.setdefault("inputs", {}).setdefault("parameters", {})[STATUS_INPUT] = status_input(handler)
        exit_spec["inputs"] = comp.sorted_sections(exit_spec["inputs"])
    out[scope.names[exit_node.id]] = dict(sorted(exit_spec.items()))
    scope.local[exit_node.id] = scope.names[exit_node.id]
    return out


def status_input(handler: str) -> dict[str, Any]:
    """The exit task's input of the handler's final status (`PipelineTaskFinalStatus`)."""
    return {"taskFinalStatus": {"producerTask": handler}}


def _expressible(builder: SpecBuilder, node: CleanupNode, outermost: bool) -> bool:
    ok = True
    if not outermost:
        builder.unsupported(
            node.span, "a `try` block inside another block (KFP allows a dsl.ExitHandler only in a pipeline's outermost scope)",
            hint="move the `try` block to the pipeline's top level, or into a sub-pipeline of its own",
        )
        ok = False
    if len(node.cleanup) != 1:
        builder.unsupported(
            node.span, f"a `finally` block of {len(node.cleanup)} steps (KFP runs one exit task per dsl.ExitHandler)",
            hint="do the cleanup in one task",
        )
        ok = False
    for read in cleanup_reads(node):
        what = f"the output of {read.binding.node!r}"
        builder.diagnostics.append(Diagnostic.of(codes.KFP_CLEANUP_READS, read.binding.span or read.node.span, what))
        ok = False
    return ok


def _export(
    builder: SpecBuilder, node: CleanupNode, scope: Scope, child: Scope, component: dict[str, Any], read: Readers
) -> None:
    """Outputs of the `try` body read after it: outputs of the handler's DAG, reached through the handler."""
    outputs: dict[str, dict[str, Any]] = {}
    definitions: dict[str, dict[str, Any]] = {}
    handler = scope.names[node.id]
    inside = {n.id for n in iter_nodes(node.body)}
    for body_node in node.body:
        if not read.get(body_node.id, set()) - inside or body_node.id not in child.local:
            continue
        binding = OutputBinding(node=body_node.id)
        t = child.types.output(body_node, None)
        if isinstance(t, (NamedTupleType, TupleType)):
            builder.unsupported(body_node.span, "using a value with several fields made in a `try` block after it")
            continue
        key = f"{scope.names[body_node.id]}-{comp.output_key('output')}"
        section, definition = io_definition(t)
        outputs.setdefault(section, {})[key] = selector(child.resolve(binding))
        definitions.setdefault(section, {})[key] = definition
        scope.local[body_node.id] = handler
        scope.keys[body_node.id] = key
    if outputs:
        component["dag"]["outputs"] = comp.sorted_sections(outputs)
        component["outputDefinitions"] = comp.sorted_sections(definitions)

