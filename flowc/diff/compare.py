"""Compare the step keys of two reads of a project, pipeline by pipeline, and say why each changed key did.

Step keys are Merkle keys (`flowc.ir.passes.step_keys`): a step's key covers its
task's key (`cache_key.task_key_parts`: code, helpers, image, packages, env,
secrets, signature) and what it reads (arguments, upstream steps, `after` waits).
A step whose key is the same on both sides reuses its cached result; one whose key
differs re-runs, and its reasons are the parts that differ: for a task part, which
part (and which helper); for an input, which argument or which upstream step.
"""

from __future__ import annotations

from collections.abc import Iterator

from flowc.diff.helpers import changed_helpers, changed_module_helpers
from flowc.diff.locate import Locator
from flowc.diff.model import PART_WORDS, ChangedStep, PipelineDiff, Reason, Step
from flowc.diff.sides import SideRead
from flowc.ir.model import (
    Binding,
    CleanupNode,
    ConditionNode,
    ConstBinding,
    ContainerTask,
    LoopItemBinding,
    LoopNode,
    Node,
    OutputBinding,
    ParamBinding,
    Pipeline,
    PipelineNode,
    PythonTask,
    RunStatusBinding,
    TaskNode,
    iter_nodes,
)
from flowc.ir.passes.cache_key import task_key_parts
from flowc.ir.passes.step_keys import ProgramKeys
from flowc.ir.shipped import ShippedModule

Call = TaskNode | PipelineNode
# The parts of a task's key (`task_key_parts`) by the reason a change of each gives.
TASK_PARTS = {
    "function": "code", "flowc": "code", "package": "code", "preamble": "helper", "modules": "helper",
    "image": "image", "packages": "packages",
    "env": "env", "secrets": "secrets", "kind": "signature", "params": "signature", "returns": "signature",
    "command": "command", "args": "command",
}
_ORDER = list(PART_WORDS)


class _Side:
    """One side's program, keys and locations."""

    def __init__(self, read: SideRead) -> None:
        self.read = read
        self.keys = ProgramKeys(read.program)
        self.locate = Locator(read)
        self.tasks = {t.name: t for t in read.program.tasks}
        self.pipelines = {p.name: p for p in read.program.pipelines}

    def step(self, node: Call) -> Step:
        return Step(node.id, node.task if isinstance(node, TaskNode) else node.pipeline, self.locate.at(node.span))


def compare(old: SideRead, new: SideRead) -> list[PipelineDiff]:
    """Every pipeline of either side, in the new side's order, then those removed."""
    before, after = _Side(old), _Side(new)
    names = [*after.pipelines, *(n for n in before.pipelines if n not in after.pipelines)]
    return [_pipeline(name, before, after) for name in names]


def _pipeline(name: str, before: _Side, after: _Side) -> PipelineDiff:
    old, new = before.pipelines.get(name), after.pipelines.get(name)
    if old is None or new is None:
        side, pipeline = (after, new) if new is not None else (before, old)
        assert pipeline is not None
        steps = tuple(side.step(n) for n in _calls(pipeline))
        status = "added" if new is not None else "removed"
        return PipelineDiff(name, status, added=steps if new else (), removed=() if new else steps, where=side.locate.task(pipeline))
    return _steps(name, _Pair(before, after, old, new))


class _Pair:
    """One pipeline on both sides: its calls and every node's key on each."""

    def __init__(self, before: _Side, after: _Side, old: Pipeline, new: Pipeline) -> None:
        self.before, self.after = before, after
        self.old_calls = {n.id: n for n in _calls(old)}
        self.new_calls = {n.id: n for n in _calls(new)}
        self.old_nodes = {n.id: n for n in iter_nodes(old.body)}
        self.new_nodes = {n.id: n for n in iter_nodes(new.body)}
        self.old_keys = before.keys.node_keys(old.name)
        self.new_keys = after.keys.node_keys(new.name)
        self.where = after.locate.task(new)

    def same(self, node_id: str) -> bool:
        return self.old_keys.get(node_id) == self.new_keys.get(node_id)


def _steps(name: str, pair: _Pair) -> PipelineDiff:
    rerun: list[ChangedStep] = []
    reused = 0
    for node_id, node in pair.new_calls.items():
        if node_id not in pair.old_calls:
            continue
        if pair.same(node_id):
            reused += 1
        else:
            rerun.append(ChangedStep(pair.after.step(node), _reasons(pair, pair.old_calls[node_id], node)))
    added = tuple(pair.after.step(n) for i, n in pair.new_calls.items() if i not in pair.old_calls)
    removed = tuple(pair.before.step(n) for i, n in pair.old_calls.items() if i not in pair.new_calls)
    fused = _fused(name, pair, {c.step.id for c in rerun} | {s.id for s in added})
    return PipelineDiff(
        name, rerun=tuple(rerun), fused=fused, added=added, removed=removed, reused=reused - len(fused), where=pair.where
    )


def _fused(name: str, pair: _Pair, running: set[str]) -> tuple[ChangedStep, ...]:
    """Unchanged calls of engine steps that re-run (a new key: a member changed, or the fusion did)."""
    new_plan, old_plan = pair.after.read.plans.get(name), pair.before.read.plans.get(name)
    if new_plan is None:
        return ()
    old_keys = {s.cache_key for s in old_plan.steps} if old_plan else set[str | None]()
    out: dict[str, ChangedStep] = {}
    for step in new_plan.steps:
        if step.cache_key in old_keys:
            continue
        calm = [pair.new_calls[m] for m in step.members if m not in running and m in pair.new_calls]
        for n in calm:
            out.setdefault(n.id, ChangedStep(pair.after.step(n), (Reason("fused", step.label, pair.after.locate.at(n.span)),)))
    return tuple(out.values())


def _reasons(pair: _Pair, old: Call, new: Call) -> tuple[Reason, ...]:
    found = [*_callee_reasons(pair, old, new), *_input_reasons(pair, old, new)]
    return tuple(sorted(dict.fromkeys(found), key=lambda r: (_ORDER.index(r.part), r.name or "")))


def _callee_reasons(pair: _Pair, old: Call, new: Call) -> list[Reason]:
    call_site = pair.after.locate.at(new.span)
    if isinstance(old, TaskNode) and isinstance(new, TaskNode) and old.task == new.task:
        return task_reasons(pair.before.tasks[old.task], pair.after.tasks[new.task], pair.after.locate)
    if isinstance(old, PipelineNode) and isinstance(new, PipelineNode) and old.pipeline == new.pipeline:
        same = pair.before.keys.pipeline_key(old.pipeline) == pair.after.keys.pipeline_key(new.pipeline)
        where = pair.after.locate.task(pair.after.pipelines[new.pipeline])
        return [] if same else [Reason("pipeline", new.pipeline, where)]
    return [Reason("task", pair.after.step(new).calls, call_site)]


def task_reasons(old: PythonTask | ContainerTask, new: PythonTask | ContainerTask, locate: Locator) -> list[Reason]:
    """Why two versions of a task have different keys: each part of the key that differs."""
    before, after = task_key_parts(old), task_key_parts(new)
    out: list[Reason] = []
    for key in sorted(set(before) | set(after)):
        part = TASK_PARTS.get(key)
        if part is None or before.get(key) == after.get(key):
            continue
        if key == "modules":
            labels = changed_module_helpers(_modules(old), _modules(new))
            out += [Reason("helper", label, locate.module_helper(new, label)) for label in labels] or [Reason("helpers", None, locate.task(new))]
        elif part == "helper":
            labels = changed_helpers(_preamble(old), _preamble(new))
            out += [Reason("helper", label, locate.helper(new, label)) for label in labels] or [Reason("helpers", None, locate.task(new))]
        else:
            out.append(Reason(part, None, locate.option(new, part)))
    return out


def _preamble(task: PythonTask | ContainerTask) -> str:
    return task.code.preamble if isinstance(task, PythonTask) else ""


def _modules(task: PythonTask | ContainerTask) -> tuple[ShippedModule, ...]:
    return task.code.modules if isinstance(task, PythonTask) else ()


def _input_reasons(pair: _Pair, old: Call, new: Call) -> list[Reason]:
    call_site = pair.after.locate.at(new.span)
    old_inputs = {i.name: i.binding for i in old.inputs}
    new_inputs = {i.name: i.binding for i in new.inputs}
    out: list[Reason] = []
    for name in sorted(set(old_inputs) | set(new_inputs)):
        before, after = old_inputs.get(name), new_inputs.get(name)
        if before is None or after is None or _shape(pair.old_nodes, before) != _shape(pair.new_nodes, after):
            out.append(Reason("argument", name, call_site))
    if sorted(old.after) != sorted(new.after):
        out.append(Reason("order", None, call_site))
    upstream = [*(u for b in new_inputs.values() for u in _upstream(pair.new_nodes, b)), *new.after]
    changed = [c for u in dict.fromkeys(upstream) if not pair.same(u) for c in _changed_within(pair, u)]
    return out + [Reason("upstream", c, call_site) for c in dict.fromkeys(changed)]


def _changed_within(pair: _Pair, node_id: str) -> list[str]:
    """A changed upstream node as the reviewer knows it: a call itself, or the changed calls inside a loop or `if`."""
    node = pair.new_nodes.get(node_id)
    if node is None or isinstance(node, (TaskNode, PipelineNode)):
        return [node_id]
    inner = [n.id for n in _calls_in(node) if not pair.same(n.id)]
    return inner or [node_id]


def _shape(nodes: dict[str, Node], binding: Binding) -> object:
    """What a binding reads, without the keys of the steps it reads (those are upstream reasons)."""
    match binding:
        case ConstBinding():
            return ["const", binding.value]
        case ParamBinding():
            return ["param", binding.name]
        case OutputBinding():
            return ["output", binding.node, binding.field]
        case LoopItemBinding():
            loop = nodes[binding.loop]
            return ["item", _shape(nodes, loop.items) if isinstance(loop, LoopNode) else binding.loop]
        case RunStatusBinding():
            return ["status", binding.block]


def _upstream(nodes: dict[str, Node], binding: Binding) -> Iterator[str]:
    """The ids of the nodes a binding's value comes from (through a loop's items, for its item)."""
    if isinstance(binding, OutputBinding):
        yield binding.node
    elif isinstance(binding, LoopItemBinding):
        loop = nodes[binding.loop]
        if isinstance(loop, LoopNode):
            yield from _upstream(nodes, loop.items)


def _calls(pipeline: Pipeline) -> list[Call]:
    return [n for n in iter_nodes(pipeline.body) if isinstance(n, (TaskNode, PipelineNode))]


def _calls_in(node: LoopNode | ConditionNode | CleanupNode) -> list[Call]:
    if isinstance(node, CleanupNode):
        bodies = [node.body, node.cleanup]
    else:
        bodies = [node.body] if isinstance(node, LoopNode) else [b.body for b in node.branches]
    return [n for body in bodies for n in iter_nodes(body) if isinstance(n, (TaskNode, PipelineNode))]
