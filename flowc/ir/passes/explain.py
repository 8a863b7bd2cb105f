"""What the optimizer decides, pass by pass: the plan `flowc explain` prints.

`explain_program` runs the optimizer's passes in order on a lowered program, then the
step keying (as `flowc.ir.passes.prepare` does), and before each pass asks the pass's
module for its record of what it is about to do, computed on the program it receives:

- `duplicate_calls(program) -> {pipeline: [Merged, ...]}` (duplicate elimination),
- `map_fusions(program) -> {pipeline: [(inner loop, outer loop), ...]}` (map fusion),
- `fusion_plan(program) -> {pipeline: ((PlannedStep, ...), (NotFused, ...))}` (chain fusion).

A pass without a record contributes nothing. The engine steps are then read off the
optimized program: a fused step as fusion planned it (members, notes), every other
task and sub-pipeline call as a step of one member; each with the key the passes
assigned.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import cast

from flowc.ir.model import CleanupNode, LoopNode, Node, Pipeline, PipelineNode, Program, TaskNode
from flowc.ir.plan import Merged, NotFused, PipelinePlan, PlannedStep

Pass = Callable[[Program], Program]
FusionRecord = tuple[tuple[PlannedStep, ...], tuple[NotFused, ...]]

DUPLICATES = "duplicate_calls"
MAP_FUSIONS = "map_fusions"
FUSION_PLAN = "fusion_plan"
RECORDS = (DUPLICATES, MAP_FUSIONS, FUSION_PLAN)


@dataclass
class _Records:
    """What each pass said it would do, by record name, then by pipeline name."""

    by_name: dict[str, Mapping[str, object]] = field(default_factory=lambda: {})

    def of(self, record: str, pipeline: str) -> object:
        return self.by_name.get(record, {}).get(pipeline)


def explain_program(lowered: Program, passes: Sequence[Pass] | None = None, keying: Sequence[Pass] | None = None) -> list[PipelinePlan]:
    """The plan of every pipeline of `lowered` under `passes`, keyed by `keying` (default: `PASSES`, `KEYING`).

    `passes=()` is the plan without optimization (`-O0`): keying still runs, as it does
    for `compile -O0`.

    >>> from flowc.ir.types import INT
    >>> from flowc.ir.model import ConstBinding, Input, PythonTask, TaskCode
    >>> task = PythonTask(name="f", params=(), returns=INT, code=TaskCode(function_name="f", function="def f(): ..."))
    >>> node = TaskNode(id="f", task="f", inputs=())
    >>> program = Program(tasks=(task,), pipelines=(Pipeline(name="p", params=(), returns=INT, body=(node,)),))
    >>> [(s.id, s.members) for s in explain_program(program, passes=(), keying=())[0].steps]
    [('f', ('f',))]
    """
    from flowc.ir import passes as optimizer

    records = _Records()
    program = lowered
    for each in optimizer.PASSES if passes is None else passes:
        for name, record in _records_of(each):
            records.by_name[name] = record(program)
        program = each(program)
    for each in optimizer.KEYING if keying is None else keying:
        program = each(program)
    return [_plan(program, pipeline, records) for pipeline in program.pipelines]


def _records_of(each: Pass) -> Iterator[tuple[str, Callable[[Program], Mapping[str, object]]]]:
    """The records a pass's module offers (looked up by name: a module may not define one)."""
    module = sys.modules.get(getattr(each, "__module__", "") or "")
    for name in RECORDS:
        record = getattr(module, name, None)
        if callable(record):
            yield name, cast("Callable[[Program], Mapping[str, object]]", record)


def _plan(optimized: Program, pipeline: Pipeline, records: _Records) -> PipelinePlan:
    name = pipeline.name
    fused = cast("FusionRecord | None", records.of(FUSION_PLAN, name)) or ((), ())
    planned = _by_id_and_label(fused[0])
    task_keys = {task.name: task.cache_key for task in optimized.tasks}
    steps = tuple(
        _step(task_keys, node, loop, planned.get(node.id) or planned.get(node.label or "")) if isinstance(node, TaskNode)
        else _call_step(node, loop)
        for node, loop in _step_nodes(pipeline.body)
    )
    merged = cast("Sequence[Merged] | None", records.of(DUPLICATES, name)) or ()
    map_fused = cast("Sequence[tuple[str, str]] | None", records.of(MAP_FUSIONS, name)) or ()
    return PipelinePlan(name, steps, tuple(fused[1]), tuple(merged), tuple((inner, outer) for inner, outer in map_fused))


def _by_id_and_label(steps: Sequence[PlannedStep]) -> dict[str, PlannedStep]:
    """Fusion's planned steps found by the fused node's id, or by its label (`load+clean`) should the id differ."""
    found = {step.label: step for step in steps if len(step.members) > 1}
    found.update((step.id, step) for step in steps if len(step.members) > 1)
    return found


def _step_nodes(body: tuple[Node, ...], loop: str | None = None) -> Iterator[tuple[TaskNode | PipelineNode, str | None]]:
    """Every task and sub-pipeline call of `body` in source order, with the innermost fan-out it runs in."""
    for node in body:
        if isinstance(node, (TaskNode, PipelineNode)):
            yield node, loop
        elif isinstance(node, LoopNode):
            yield from _step_nodes(node.body, node.id)
        elif isinstance(node, CleanupNode):
            yield from _step_nodes(node.body, loop)
            yield from _step_nodes(node.cleanup, loop)
        else:
            for branch in node.branches:
                yield from _step_nodes(branch.body, loop)


def _call_step(node: PipelineNode, loop: str | None) -> PlannedStep:
    """A sub-pipeline call: one step here (a nested DAG on the engine), its own steps in its own plan."""
    key = cast("str | None", getattr(node, "cache_key", None))  # step keys give sub-pipeline calls a key too
    return PlannedStep(node.id, node.id, (node.id,), (), key, loop, (f"runs pipeline {node.pipeline} (planned on its own)",))


def _step(task_keys: Mapping[str, str | None], node: TaskNode, loop: str | None, planned: PlannedStep | None) -> PlannedStep:
    """The engine step `node` is: as fusion planned it (with its notes), or a step of one member.

    Its key is the step key (`TaskNode.cache_key`), or its task's key where no pass set one.
    """
    key = node.cache_key or task_keys.get(node.task)
    if planned is None or len(planned.members) < 2:
        return PlannedStep(node.id, node.label or node.id, (node.id,), (node.task,), key, loop)
    return replace(planned, id=node.id, label=node.label or planned.label, cache_key=key, loop=planned.loop or loop)
