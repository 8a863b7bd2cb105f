"""What every pipeline of a valid Program satisfies, checked after each optimizer pass.

A pass rewrites wiring (a merged duplicate, two fan-outs made one); these are the
facts the backends rely on and a pass could break: node ids unique in a pipeline;
every binding and `after` id naming a node visible from where it is read (before it,
in its own body or an enclosing one; a loop's result and a condition arm's outputs
may also name nodes of that body or arm); a loop item read only inside its loop;
and every value flowing where its declared type accepts it.

>>> from flowc.ir.model import Pipeline, Program, TaskNode
>>> from flowc.ir.types import NONE
>>> p = Pipeline(name="p", params=(), returns=NONE, body=(
...     TaskNode(id="a", task="t", inputs=(), after=("b",)), TaskNode(id="b", task="t", inputs=())))
>>> invariant_problems(Program(pipelines=(p,)))
['p: a calls unknown t', 'p: b calls unknown t', 'p: a waits for b, which is not visible there']
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from flowc.ir.bindings import BindingTypes, condition_bindings
from flowc.ir.model import (
    Binding,
    CleanupNode,
    ConditionNode,
    LoopItemBinding,
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
from flowc.ir.types import ListType, Type, is_assignable, render


@dataclass(frozen=True)
class _Scope:
    """What a node may read: ids of earlier nodes here and in enclosing bodies, enclosing loops."""

    nodes: frozenset[str]
    loops: frozenset[str]
    statuses: frozenset[str] = frozenset()  # `try` blocks whose `finally` block this is


def invariant_problems(program: Program) -> list[str]:
    """Every broken invariant of `program`, one line each (empty when it holds)."""
    problems: list[str] = []
    for pipeline in program.pipelines:
        problems.extend(f"{pipeline.name}: {p}" for p in _pipeline_problems(program, pipeline))
    return problems


def _pipeline_problems(program: Program, pipeline: Pipeline) -> list[str]:
    ids = Counter(n.id for n in iter_nodes(pipeline.body))
    problems = [f"node id {i} is used {n} times" for i, n in sorted(ids.items()) if n > 1]
    known = {t.name for t in program.tasks} | {p.name for p in program.pipelines}
    unknown = [n for n in iter_nodes(pipeline.body) if _callee(n) not in known | {None}]
    problems += [f"{n.id} calls unknown {_callee(n)}" for n in unknown]
    top = _body_problems(pipeline.body, _Scope(frozenset(), frozenset()), problems)
    for result in pipeline.results:
        _check_binding(f"result {result.name}", result.binding, top, problems)
    return problems or _type_problems(program, pipeline)  # types are looked up through valid wiring only


def _callee(node: Node) -> str | None:
    return node.task if isinstance(node, TaskNode) else node.pipeline if isinstance(node, PipelineNode) else None


def _body_problems(body: tuple[Node, ...], scope: _Scope, problems: list[str]) -> _Scope:
    """Checks `body`'s nodes in order; the scope at its end (its own nodes added)."""
    for node in body:
        for wait in node.after:
            if wait not in scope.nodes:
                problems.append(f"{node.id} waits for {wait}, which is not visible there")
        match node:
            case TaskNode(inputs=inputs) | PipelineNode(inputs=inputs):
                for i in inputs:
                    _check_binding(f"{node.id}.{i.name}", i.binding, scope, problems)
            case LoopNode():
                _check_binding(f"{node.id} items", node.items, scope, problems)
                inner = _body_problems(node.body, _Scope(scope.nodes, scope.loops | {node.id}, scope.statuses), problems)
                if node.result is not None:
                    _check_binding(f"{node.id} result", node.result, inner, problems)
            case ConditionNode():
                _condition_problems(node, scope, problems)
            case CleanupNode():
                # A `try` block's values are visible in its `finally` block and after it (see ir/cleanup.py).
                end = _body_problems(node.body, scope, problems)
                end = _body_problems(node.cleanup, _Scope(end.nodes, end.loops, end.statuses | {node.id}), problems)
                scope = _Scope(end.nodes, scope.loops, scope.statuses)
        scope = _Scope(scope.nodes | {node.id}, scope.loops, scope.statuses)
    return scope


def _condition_problems(node: ConditionNode, scope: _Scope, problems: list[str]) -> None:
    ends: list[_Scope] = []
    for i, branch in enumerate(node.branches):
        if branch.condition is not None:
            for b in condition_bindings(branch.condition):
                _check_binding(f"{node.id} arm {i} condition", b, scope, problems)
        ends.append(_body_problems(branch.body, scope, problems))
    for out in node.outputs:
        if len(out.sources) != len(node.branches):
            problems.append(f"{node.id} output {out.name} has {len(out.sources)} sources for {len(node.branches)} arms")
        for end, source in zip(ends, out.sources):
            _check_binding(f"{node.id} output {out.name}", source, end, problems)


def _check_binding(where: str, binding: Binding, scope: _Scope, problems: list[str]) -> None:
    match binding:
        case OutputBinding(node=node) if node not in scope.nodes:
            problems.append(f"{where} reads {node}, which is not visible there")
        case LoopItemBinding(loop=loop) if loop not in scope.loops:
            problems.append(f"{where} reads the item of {loop} outside that loop")
        case RunStatusBinding(block=block) if block not in scope.statuses:
            problems.append(f"{where} reads the status of {block} outside its finally block")
        case _:
            pass


# ---------------------------------------------------------------------------- types


def _type_problems(program: Program, pipeline: Pipeline) -> list[str]:
    types = BindingTypes(program, pipeline)
    problems: list[str] = []

    def flows(where: str, binding: Binding, target: Type | None) -> None:
        source = types.of(binding)
        if target is None:
            problems.append(f"{where}: the callee has no such parameter")
        elif source is not None and not is_assignable(source, target):
            problems.append(f"{where}: {render(source)} does not flow into {render(target)}")

    for node in iter_nodes(pipeline.body):
        for name, binding, target in _typed_reads(program, node):
            flows(f"{node.id}.{name}", binding, target)
        if isinstance(node, LoopNode):
            items = types.of(node.items)
            if items is not None and not (isinstance(items, ListType) and is_assignable(items.item, node.item_type)):
                problems.append(f"{node.id} iterates {render(items)} as {render(node.item_type)}")
    for result in pipeline.results:
        flows(f"result {result.name}", result.binding, result.type)
    return problems


def _typed_reads(program: Program, node: Node) -> Iterable[tuple[str, Binding, Type | None]]:
    """The bindings `node` reads with the type each must flow into (None: an unknown parameter)."""
    match node:
        case TaskNode(inputs=inputs) | PipelineNode(inputs=inputs):
            callee = program.task(node.task) if isinstance(node, TaskNode) else program.pipeline(node.pipeline)
            for i in inputs:
                param = callee.param(i.name)
                yield i.name, i.binding, None if param is None else param.type
        case LoopNode(result=result, result_type=result_type):
            if result is not None:
                yield "result", result, result_type
        case ConditionNode(outputs=outputs):
            for out in outputs:
                for source in out.sources:
                    yield out.name, source, out.type
        case CleanupNode():
            return
