"""Literals take the type they are declared as: `1` passed to a `float` parameter is `1.0`.

Python lets an `int` stand for a `float`, and a task called with `1` sees `1` in plain
Python; every engine carries the value as the declared `float` (Flyte refuses an int
literal for a float input outright). The engines' meaning is the one flowc keeps:
so arguments, defaults, fan-out item lists and results are written as their declared
types once, here, and no backend converts a literal on its own.

>>> from flowc.ir.types import FLOAT, ListType
>>> as_declared([1, 2.5], ListType(item=FLOAT)), as_declared(True, FLOAT)
([1.0, 2.5], True)
"""

from __future__ import annotations

from flowc.ir.base import JsonValue
from flowc.ir.model import (
    Binding,
    ConstBinding,
    Input,
    CleanupNode,
    ConditionNode,
    LoopNode,
    Node,
    Parameter,
    Pipeline,
    PipelineNode,
    Program,
    TaskNode,
)
from flowc.ir.types import DictType, ListType, OptionalType, ScalarType, Type


def as_declared(value: JsonValue, t: Type) -> JsonValue:
    """`value` with every int where `t` declares a float made a float (bools stay as written)."""
    match t:
        case ScalarType(name="float") if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        case ListType(item=item) if isinstance(value, list):
            return [as_declared(v, item) for v in value]
        case DictType(value=inner) if isinstance(value, dict):
            return {k: as_declared(v, inner) for k, v in value.items()}
        case OptionalType(inner=inner):
            return as_declared(value, inner)
        case _:
            return value


def _const(b: Binding, t: Type) -> Binding:
    if not isinstance(b, ConstBinding):
        return b
    value = as_declared(b.value, t)
    return b if repr(value) == repr(b.value) else b.model_copy(update={"value": value})  # `==` has 1 == 1.0


def _params(params: tuple[Parameter, ...]) -> tuple[Parameter, ...]:
    return tuple(
        p.model_copy(update={"default": as_declared(p.default, p.type)}) if p.has_default else p for p in params
    )


def declared_constants(program: Program) -> Program:
    """`program` with every literal argument, default, item list and result as its declared type."""

    def node(n: Node) -> Node:
        match n:
            case TaskNode() | PipelineNode():
                callee = program.task(n.task) if isinstance(n, TaskNode) else program.pipeline(n.pipeline)
                inputs = tuple(_input(i, callee.param(i.name)) for i in n.inputs)
                return n.model_copy(update={"inputs": inputs})
            case LoopNode():
                items = _const(n.items, ListType(item=n.item_type))
                return n.model_copy(update={"items": items, "body": tuple(map(node, n.body))})
            case CleanupNode():
                return n.model_copy(update={"body": tuple(map(node, n.body)), "cleanup": tuple(map(node, n.cleanup))})
            case ConditionNode():
                branches = tuple(b.model_copy(update={"body": tuple(map(node, b.body))}) for b in n.branches)
                return n.model_copy(update={"branches": branches})

    def pipeline(p: Pipeline) -> Pipeline:
        results = tuple(r.model_copy(update={"binding": _const(r.binding, r.type)}) for r in p.results)
        return p.model_copy(update={"params": _params(p.params), "body": tuple(map(node, p.body)), "results": results})

    tasks = tuple(t.model_copy(update={"params": _params(t.params)}) for t in program.tasks)
    return program.model_copy(update={"tasks": tasks, "pipelines": tuple(map(pipeline, program.pipelines))})


def _input(i: Input, declared: Parameter | None) -> Input:
    return i if declared is None else i.model_copy(update={"binding": _const(i.binding, declared.type)})
