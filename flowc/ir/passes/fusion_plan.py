"""Which steps of a body fuse into one engine step, and why neighbours do not.

A body's Python task calls are taken in source order (which is an order of their
dependencies); a call joins the chain of a step it reads from when:

- both allow it (`fuse` is not False; container tasks never fuse);
- they share image, packages, env and secrets, and GPU counts match or one side has
  none (other resources merge: the larger wins);
- no other step reading the chain would have to wait for the newcomer: every other
  reader of a member must already wait for it, so fusing never costs parallelism
  (it also rules out cycles through steps outside the chain);
- nothing reads a member's NamedTuple result whole (a fused step hands out fields);
- the fused step's code stays under `CODE_BUDGET`: engines pass task code as one command
  argument, which Linux caps at 128 KiB (KFP sends it base64-encoded), so a very long
  chain becomes several fused steps.

Steps in different bodies never fuse: a fan-out, a condition arm or a sub-pipeline
is a boundary (a chain inside a loop body fuses into one step per item).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from flowc.ir.bindings import node_bindings
from flowc.ir.model import (
    CleanupNode,
    ConditionNode,
    ContainerTask,
    LoopNode,
    Node,
    OutputBinding,
    Pipeline,
    PipelineNode,
    Program,
    PythonTask,
    TaskNode,
    TaskOptions,
    iter_nodes,
)
from flowc.ir.plan import NotFused
from flowc.ir.scope import reads
from flowc.ir.types import NamedTupleType, TupleType


@dataclass
class Chain:
    """Task nodes of one body that become one engine step, in source order.

    `readers` are the nodes of the body outside the chain that read one of its members.
    """

    members: list[TaskNode]
    options: TaskOptions
    readers: set[str] = field(default_factory=lambda: set[str]())
    code_size: int = 0  # an estimate of the fused step's code, in bytes


CODE_BUDGET = 64 * 1024  # base64 of it, with the runner around it, stays under Linux's 128 KiB
PER_MEMBER = 160  # the fused function's line calling one member


def code_size(task: PythonTask | ContainerTask) -> int:
    """What a task's own code adds to a fused step holding it."""
    return len(task.code.preamble) + len(task.code.function) if isinstance(task, PythonTask) else 0


@dataclass
class BodyPlan:
    chains: list[Chain] = field(default_factory=lambda: [])
    not_fused: list[NotFused] = field(default_factory=lambda: [])


def incompatible(a: TaskOptions, b: TaskOptions) -> str | None:
    """Why steps with options `a` and `b` cannot share one process, or None."""
    if a.image != b.image:
        return f"different image ({a.image} / {b.image})"
    if sorted(a.packages) != sorted(b.packages):
        return "different packages"
    if a.resources.gpu and b.resources.gpu and a.resources.gpu != b.resources.gpu:
        return f"different GPU counts ({a.resources.gpu} / {b.resources.gpu})"
    if dict(a.env) != dict(b.env):
        return "different env"  # a member would see variables it did not ask for, or miss its own
    if sorted(a.secrets) != sorted(b.secrets):
        return "different secrets"  # a member would be given secrets it was not granted
    return None


def whole_reads(pipeline: Pipeline, program: Program) -> set[str]:
    """Task nodes with a NamedTuple result that something reads whole (not field by field)."""
    found: set[str] = set()
    bindings = [b for n in iter_nodes(pipeline.body) for b in node_bindings(n)]
    bindings += [r.binding for r in pipeline.results]
    tasks = {n.id: n.task for n in iter_nodes(pipeline.body) if isinstance(n, TaskNode)}
    for b in bindings:
        if isinstance(b, OutputBinding) and b.field is None and b.node in tasks:
            if isinstance(program.task(tasks[b.node]).returns, (NamedTupleType, TupleType)):
                found.add(b.node)
    return found


def _why_not_fusable(node: TaskNode, program: Program, whole: set[str]) -> str | None:
    task = program.task(node.task)
    if not isinstance(task, PythonTask):
        return f"{node.id} is a container task"
    if not task.options.fuse:
        return f"fuse=False on {node.id}"
    if node.id in whole:
        return f"{node.id}'s NamedTuple result is read whole"
    return None


class _Graph:
    """Who waits for whom among the nodes of one body."""

    def __init__(self, body: tuple[Node, ...]) -> None:
        ids = {n.id for n in body}
        self.deps = {n.id: sorted(reads(n) & ids) for n in body}
        self.dependents: dict[str, list[str]] = {n.id: [] for n in body}
        for node_id, deps in self.deps.items():
            for d in deps:
                self.dependents[d].append(node_id)
        self._reach: dict[str, set[str]] = {}

    def reaches(self, start: str, target: str) -> bool:
        """Whether `target` waits, directly or not, for `start`."""
        if start not in self._reach:
            seen: set[str] = set()
            todo = [start]
            while todo:
                for nxt in self.dependents[todo.pop()]:
                    if nxt not in seen:
                        seen.add(nxt)
                        todo.append(nxt)
            self._reach[start] = seen
        return target in self._reach[start]


def plan_body(body: tuple[Node, ...], program: Program, whole: set[str]) -> BodyPlan:
    """The chains of one body (nested bodies not included) and the unfused neighbour pairs."""
    graph = _Graph(body)
    nodes = {n.id: n for n in body}
    chain_of: dict[str, int] = {}
    plan = BodyPlan()
    for node in body:
        task_deps = [d for d in graph.deps[node.id] if isinstance(nodes[d], TaskNode)]
        if not isinstance(node, TaskNode):
            plan.not_fused += [NotFused(d, node.id, _boundary(node)) for d in task_deps]
            continue
        own = _why_not_fusable(node, program, whole)
        joined: int | None = None
        for dep in task_deps:
            dep_node = nodes[dep]
            assert isinstance(dep_node, TaskNode)
            if joined is not None and chain_of.get(dep) == joined:
                continue
            reason = own or _why_not_fusable(dep_node, program, whole)
            if reason is None and joined is not None:
                reason = f"{node.id} joined the chain of {plan.chains[joined].members[0].id}"
            if reason is None:
                reason = _join(plan.chains[chain_of[dep]], node, program, graph)
                joined = chain_of[dep] if reason is None else None
            if reason is not None:
                plan.not_fused.append(NotFused(dep, node.id, reason))
        if joined is not None:
            chain_of[node.id] = joined
        elif own is None:
            chain_of[node.id] = len(plan.chains)
            task = program.task(node.task)
            plan.chains.append(Chain([node], task.options, set(graph.dependents[node.id]), PER_MEMBER + code_size(task)))
        for dep in graph.deps[node.id]:
            if not isinstance(nodes[dep], TaskNode):
                plan.not_fused.append(NotFused(dep, node.id, _boundary(nodes[dep])))
    return plan


def _join(chain: Chain, node: TaskNode, program: Program, graph: _Graph) -> str | None:
    """Add `node` to `chain` if it fits; else why not."""
    task = program.task(node.task)
    options = task.options
    size = chain.code_size + PER_MEMBER + (0 if node.task in {m.task for m in chain.members} else code_size(task))
    reason = incompatible(chain.options, options) or _delays(chain, node, graph)
    if reason is None and size > CODE_BUDGET:
        reason = f"the fused step's code would pass {CODE_BUDGET // 1024} KiB (one command argument on an engine)"
    if reason is None:
        chain.code_size = size
        chain.members.append(node)
        chain.options = merged_options(chain.options, options)
        chain.readers = (chain.readers | set(graph.dependents[node.id])) - {node.id}
    return reason


def _delays(chain: Chain, node: TaskNode, graph: _Graph) -> str | None:
    """Why adding `node` to `chain` would make another reader of the chain wait longer, or None."""
    for reader in sorted(chain.readers - {node.id}):
        if not graph.reaches(node.id, reader):
            member = next(m.id for m in chain.members if reader in graph.dependents[m.id])
            return f"{member}'s output is also read by {reader}, which does not wait for {node.id}"
    return None


def _boundary(node: Node) -> str:
    match node:
        case LoopNode():
            return "fan-out boundary"
        case ConditionNode():
            return "condition boundary"
        case CleanupNode():
            return "try/finally boundary"
        case PipelineNode():
            return "sub-pipeline boundary"
        case TaskNode():
            return "not a task step"


def merged_options(a: TaskOptions, b: TaskOptions) -> TaskOptions:
    """The options of one step running steps with options `a` and `b` (compatible ones)."""
    from flowc.ir.quantities import quantity_value

    def larger(x: str | None, y: str | None) -> str | None:
        if x is None or y is None:
            return x if y is None else y
        return y if (quantity_value(y) or 0.0) > (quantity_value(x) or 0.0) else x

    resources = a.resources.model_copy(
        update={
            "cpu": larger(a.resources.cpu, b.resources.cpu),
            "memory": larger(a.resources.memory, b.resources.memory),
            "gpu": max(a.resources.gpu or 0, b.resources.gpu or 0) or None,
        }
    )
    timeout = None if a.timeout_seconds is None or b.timeout_seconds is None else a.timeout_seconds + b.timeout_seconds
    return a.model_copy(
        update={
            "resources": resources,
            "retries": max(a.retries, b.retries),
            "timeout_seconds": timeout,
            "cache": a.cache and b.cache,
        }
    )


def bodies(body: tuple[Node, ...]) -> Iterator[tuple[Node, ...]]:
    """`body` and every body nested in it (loop bodies, condition arms, `try` bodies and `finally` blocks)."""
    yield body
    for node in body:
        if isinstance(node, LoopNode):
            yield from bodies(node.body)
        elif isinstance(node, ConditionNode):
            for branch in node.branches:
                yield from bodies(branch.body)
        elif isinstance(node, CleanupNode):
            yield from bodies(node.body)
            yield from bodies(node.cleanup)
