"""Duplicate elimination: two calls of one pure task with the same inputs run once.

Only `cache=True` tasks are pure (DESIGN.md "Semantics, settled"): a later call of
such a task whose inputs are bound to the same values as an earlier call's (the
same parameters, outputs and loop items; literals equal as JSON) is removed, and
everything that read it (bindings, `after` lists, results, conditions, arm outputs,
loop items and results) reads the earlier one. Calls of impure tasks are never
merged: running twice is what they mean.

The kept call must be visible where the removed one was read: in the same body
before it, or before it in an enclosing body; and a loop's result or a condition
arm's output keeps reading a node of its own body (engines carry those values out
of the body they were computed in). The removed call's `after` waits move to the
kept call when they name a node visible from it, which precedes it and so cannot
wait for it: no cycle; a wait it cannot see (a node after it) moves to the removed
call's readers, which come after the removed call and so after what it waited for.
A merge that would leave a loop body or an arm empty is not made. Merging repeats
until nothing changes (one sweep merges a duplicated chain, readers first seeing
their inputs' twins).

>>> from flowc.ir.model import OutputBinding as O, ParamBinding as P, Input
>>> from flowc.ir.model import Pipeline, Program, PythonTask, TaskCode, TaskNode, TaskOptions
>>> from flowc.ir.types import INT
>>> code = TaskCode(function_name="f", function="")
>>> t = PythonTask(name="f", params=(), returns=INT, options=TaskOptions(cache=True), code=code)
>>> call = lambda id, b: TaskNode(id=id, task="f", inputs=(Input(name="x", binding=b),))
>>> body = (call("f_1", P(name="n")), call("f_2", P(name="n")), call("g_1", O(node="f_1")), call("g_2", O(node="f_2")))
>>> program = Program(tasks=(t,), pipelines=(Pipeline(name="p", params=(), returns=INT, body=body),))
>>> [n.id for n in dedupe_calls(program).pipelines[0].body]
['f_1', 'g_1']
>>> duplicate_calls(program)["p"]
[Merged(removed='f_2', kept='f_1'), Merged(removed='g_2', kept='g_1')]
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable

from flowc.ir.bindings import node_bindings
from flowc.ir.model import (
    Binding,
    ConditionNode,
    ConstBinding,
    LoopNode,
    Node,
    OutputBinding,
    Pipeline,
    Program,
    TaskNode,
    iter_nodes,
)
from flowc.ir.passes.bodies import Position, edit_body, positions, visible
from flowc.ir.plan import Merged
from flowc.ir.rewrite import rewrite_pipeline
from flowc.ir.scope import binding_key

CallKey = tuple[str, tuple[tuple[str, object], ...]]


def dedupe_calls(program: Program) -> Program:
    """`program` with duplicate calls of pure tasks merged, in every pipeline."""
    return _dedupe(program)[0]


def duplicate_calls(program: Program) -> dict[str, list[Merged]]:
    """Per pipeline name, the calls `dedupe_calls` removes and the calls they reuse, in removal order."""
    return _dedupe(program)[1]


def _dedupe(program: Program) -> tuple[Program, dict[str, list[Merged]]]:
    pure = frozenset(t.name for t in program.tasks if t.options.cache)
    pipelines: list[Pipeline] = []
    records: dict[str, list[Merged]] = {}
    for pipeline in program.pipelines:
        merged: dict[str, str] = {}  # removed -> kept, across sweeps
        while found := _duplicates(pipeline, pure):
            pipeline = _merge(pipeline, found)
            merged = {removed: found.get(kept, kept) for removed, kept in merged.items()} | found
        pipelines.append(pipeline)
        records[pipeline.name] = [Merged(removed=r, kept=k) for r, k in merged.items()]
    return program.model_copy(update={"pipelines": tuple(pipelines)}), records


def call_key(node: TaskNode, merged: dict[str, str] | None = None) -> CallKey:
    """What makes two calls the same call: the task, and the value bound to each parameter
    (an output of a call `merged` maps to another counts as that call's)."""
    return node.task, tuple(sorted((i.name, _value_key(i.binding, merged or {})) for i in node.inputs))


def _value_key(binding: Binding, merged: dict[str, str]) -> object:
    if isinstance(binding, ConstBinding):
        return ("const", json.dumps(binding.value, sort_keys=True))
    if isinstance(binding, OutputBinding) and binding.node in merged:
        binding = binding.model_copy(update={"node": merged[binding.node]})
    return binding_key(binding)


def _duplicates(pipeline: Pipeline, pure: frozenset[str]) -> dict[str, str]:
    """One sweep: each later duplicate call's id -> the earlier visible call it can reuse.

    Calls are visited in source order, which puts every call after those it reads, so a
    call reading a duplicate already counts as reading its twin: a whole duplicated
    chain merges in one sweep.
    """
    where = positions(pipeline.body)
    held = _held_in_body(pipeline)
    kept: dict[CallKey, list[str]] = {}
    found: dict[str, str] = {}
    for node in iter_nodes(pipeline.body):
        if not isinstance(node, TaskNode) or node.task not in pure:
            continue
        key = call_key(node, found)
        twin = next((k for k in kept.get(key, ()) if _can_reuse(where[k], where[node.id], node.id in held)), None)
        if twin is None:
            kept.setdefault(key, []).append(node.id)
        else:
            found[node.id] = twin
    return _keep_bodies_filled(found, where, pipeline)


def _can_reuse(kept: Position, removed: Position, held: bool) -> bool:
    """Whether readers of the call at `removed` may read the one at `kept` instead."""
    return visible(kept, removed) and (kept.body == removed.body or not held)


def _held_in_body(pipeline: Pipeline) -> set[str]:
    """Nodes whose value a loop result or a condition arm output carries out of their body."""
    held: set[str] = set()
    for node in iter_nodes(pipeline.body):
        if isinstance(node, LoopNode) and isinstance(node.result, OutputBinding):
            held.add(node.result.node)
        elif isinstance(node, ConditionNode):
            held.update(s.node for out in node.outputs for s in out.sources if isinstance(s, OutputBinding))
    return held


def _keep_bodies_filled(found: dict[str, str], where: dict[str, Position], pipeline: Pipeline) -> dict[str, str]:
    """`found` without the merges that would empty a nested body (its first removed call stays)."""
    sizes = Counter(p.body for p in where.values())
    removed = Counter(where[r].body for r in found)
    emptied = {body for body, n in removed.items() if body and n == sizes[body]}
    spared = {next(n.id for n in iter_nodes(pipeline.body) if n.id in found and where[n.id].body == b) for b in emptied}
    return {r: k for r, k in found.items() if r not in spared}


def _merge(pipeline: Pipeline, found: dict[str, str]) -> Pipeline:
    """`pipeline` with each removed call gone and its readers reading the kept call."""
    waits = _moved_waits(pipeline, found)

    def binding(b: Binding) -> Binding:
        if isinstance(b, OutputBinding) and b.node in found:
            return b.model_copy(update={"node": found[b.node]})
        return b

    rewritten = rewrite_pipeline(pipeline, binding, lambda i: found.get(i, i))

    def edit(node: Node) -> tuple[Node, ...]:
        if node.id in found:
            return ()
        if node.id in waits:
            return (node.model_copy(update={"after": tuple(dict.fromkeys((*node.after, *waits[node.id])))}),)
        return (node,)

    return rewritten.model_copy(update={"body": edit_body(rewritten.body, edit)})


def _moved_waits(pipeline: Pipeline, found: dict[str, str]) -> dict[str, list[str]]:
    """Per node, the `after` ids of removed calls it now waits for.

    The kept call takes a removed twin's wait where it can see the node waited for;
    otherwise the removed call's readers take it (they waited for it through the
    removed call), where they can see it.
    """
    where = positions(pipeline.body)
    nodes = {n.id: n for n in iter_nodes(pipeline.body)}
    waits: dict[str, list[str]] = {}
    for removed, kept in found.items():
        for wait in (found.get(a, a) for a in nodes[removed].after):
            if wait == kept:
                continue
            takers = [kept] if visible(where[wait], where[kept]) else _readers(nodes.values(), removed)
            for taker in takers:
                if visible(where[wait], where[taker]):
                    waits.setdefault(taker, []).append(wait)
    return waits


def _readers(nodes: Iterable[Node], node_id: str) -> list[str]:
    """Ids of the nodes reading `node_id`'s value or waiting for it."""
    return [n.id for n in nodes if node_id in n.after or any(_reads(b, node_id) for b in node_bindings(n))]


def _reads(binding: Binding, node_id: str) -> bool:
    return isinstance(binding, OutputBinding) and binding.node == node_id
