"""The condition-lowering pass: Python's meaning, in forms every backend renders as they are.

`CASES` pairs a condition as the reader writes it with what the pass makes of it:
native text, or `PREDICATE: <python>` for an arm computed by a generated step.
"""

from __future__ import annotations

from typing import Any

import pytest

from flowc.ir.bindings import BindingTypes
from flowc.ir.model import (
    BoolOp,
    Branch,
    Compare,
    Condition,
    ConditionNode,
    ConstBinding,
    Not,
    OutputBinding,
    ParamBinding,
    Parameter,
    Pipeline,
    Program,
    PythonTask,
    TaskNode,
    Truthy,
    iter_nodes,
)
from flowc.ir.passes import LOWERING, lower, run_passes
from flowc.ir.passes.conditions import is_native, lower_conditions
from flowc.ir.types import BOOL, FLOAT, INT, STR, DictType, ListType, OptionalType

TYPES = {"n": INT, "f": FLOAT, "s": STR, "b": BOOL, "c": BOOL, "xs": ListType(item=INT),
         "d": DictType(value=INT), "on": OptionalType(inner=INT)}


def p(name: str) -> ParamBinding:
    return ParamBinding(name=name)


def k(value: Any) -> ConstBinding:
    return ConstBinding(value=value)


def cmp(op: Any, left: Any, right: Any) -> Compare:
    return Compare(op=op, left=left, right=right)


CASES: list[tuple[Condition, str]] = [
    (Truthy(value=p("s")), "s != ''"),
    (Not(operand=Truthy(value=p("s"))), "s == ''"),
    (Truthy(value=p("n")), "n != 0"),
    (Truthy(value=p("f")), "f != 0.0"),
    (Truthy(value=p("b")), "b == True"),
    (Not(operand=Truthy(value=p("b"))), "b != True"),
    (Not(operand=BoolOp(op="and", operands=(Truthy(value=p("b")), Truthy(value=p("c"))))), "b != True or c != True"),
    (BoolOp(op="or", operands=(Not(operand=BoolOp(op="and", operands=(Truthy(value=p("b")), Truthy(value=p("c"))))),
                                Truthy(value=p("s")))), "b != True or c != True or s != ''"),
    (Not(operand=cmp("<", p("n"), k(3))), "n >= 3"),
    (Not(operand=cmp("==", p("f"), k(3))), "f != 3"),
    (Not(operand=cmp("<", p("f"), k(3))), "PREDICATE: not (f < 3)"),  # NaN: not (x < y) is not x >= y
    (cmp("<", p("s"), k("m")), "s < 'm'"),
    (cmp("in", p("n"), k([1, 2])), "n == 1 or n == 2"),
    (cmp("not in", p("n"), k([1])), "n != 1"),
    (Not(operand=cmp("in", p("n"), k([1, 2]))), "n != 1 and n != 2"),
    (cmp("in", p("n"), k([])), "PREDICATE: n in []"),
    (cmp("in", p("n"), p("xs")), "PREDICATE: n in xs"),
    (cmp("not in", p("n"), p("xs")), "PREDICATE: n not in xs"),
    (Truthy(value=p("xs")), "PREDICATE: xs"),
    (Truthy(value=p("d")), "PREDICATE: d"),
    (Truthy(value=p("on")), "PREDICATE: on"),
    (cmp("!=", p("on"), k(None)), "PREDICATE: on != None"),
    (cmp("==", p("n"), k(None)), "PREDICATE: n == None"),
    (cmp("<", p("on"), k(3)), "PREDICATE: on < 3"),
    (cmp("==", p("b"), k(1)), "PREDICATE: b == 1"),
    (cmp("<", p("n"), k(float("inf"))), "PREDICATE: n < float('inf')"),
    (cmp("==", k(1), k(1)), "PREDICATE: 1 == 1"),
    (BoolOp(op="and", operands=(Truthy(value=p("n")), Truthy(value=p("xs")))), "PREDICATE: (n) and (xs)"),
]


def _program(*arms: Condition | None, name: str = "pipe") -> Program:
    params = tuple(Parameter(name=n, type=t) for n, t in TYPES.items())
    branches = tuple(Branch(condition=c, body=()) for c in arms)
    node = ConditionNode(id="cond_1", branches=branches)
    return Program(pipelines=(Pipeline(name=name, params=params, returns=INT, body=(node,)),))


def _text(c: Condition) -> str:
    match c:
        case Compare(op=op, left=left, right=right):
            return f"{_side(left)} {op} {_side(right)}"
        case BoolOp(op=op, operands=operands):
            return f" {op} ".join(_text(o) for o in operands)
        case _:
            raise AssertionError(f"not lowered: {c!r}")


def _side(b: Any) -> str:
    if isinstance(b, ConstBinding):
        return repr(b.value)
    return b.name if isinstance(b, ParamBinding) else f"<{b.node}>"


def _lowered(program: Program) -> tuple[Pipeline, ConditionNode]:
    pipeline = program.pipelines[0]
    node = next(n for n in pipeline.body if isinstance(n, ConditionNode))
    return pipeline, node


@pytest.mark.parametrize(("condition", "expected"), CASES, ids=[e for _, e in CASES])
def test_lowering(condition: Condition, expected: str) -> None:
    out = lower_conditions(_program(condition))
    pipeline, node = _lowered(out)
    lowered = node.branches[0].condition
    assert lowered is not None
    if expected.startswith("PREDICATE: "):
        step = pipeline.body[0]
        assert isinstance(step, TaskNode) and step.id == "cond_1_predicate"
        assert lowered == Compare(op="==", left=OutputBinding(node="cond_1_predicate"), right=ConstBinding(value=True))
        task = out.task(step.task)
        assert isinstance(task, PythonTask) and task.returns == BOOL
        assert task.code.function.endswith(f"return bool({expected.removeprefix('PREDICATE: ')})\n")
    else:
        assert len(pipeline.body) == 1 and out.tasks == ()
        assert _text(lowered) == expected
    assert is_native(lowered, BindingTypes(out, pipeline))


def test_an_elif_predicate_holds_only_when_the_earlier_arms_did_not() -> None:
    """Python never tests `on < 3` when `on == None` held: the step must not either (it would raise)."""
    out = lower_conditions(_program(cmp("==", p("on"), k(None)), cmp("<", p("on"), k(3)), None))
    pipeline, _ = _lowered(out)
    second = out.task("cond_1_arm_2_predicate")
    assert isinstance(second, PythonTask)
    assert "return bool(not (on == None) and (on < 3))" in second.code.function
    assert [n.id for n in pipeline.body] == ["cond_1_predicate", "cond_1_arm_2_predicate", "cond_1"]
    namespace: dict[str, Any] = {}
    exec(second.code.function, namespace)  # generated code, run the way every engine runs it
    fn = namespace[second.code.function_name]
    assert [fn(on=v) for v in (None, 1, 5)] == [False, True, False]


def test_predicates_compute_pythons_value() -> None:
    program = lower_conditions(_program(BoolOp(op="or", operands=(
        Not(operand=BoolOp(op="and", operands=(Truthy(value=p("xs")), Truthy(value=p("d"))))),
        cmp("in", p("n"), p("xs")),
    ))))
    task = program.tasks[0]
    assert isinstance(task, PythonTask)
    namespace: dict[str, Any] = {}
    exec(task.code.function, namespace)
    fn = namespace[task.code.function_name]
    for xs, d, n in (([], {}, 0), ([1], {"a": 1}, 1), ([1], {"a": 1}, 2), ([1], {}, 1)):
        assert fn(xs=xs, d=d, n=n) == ((not (xs and d)) or n in xs)


def test_lowering_is_idempotent_and_runs_first() -> None:
    once = lower(_program(Truthy(value=p("d")), Truthy(value=p("s")), None))
    assert lower(once) == once
    assert run_passes(_program(Truthy(value=p("d")))).tasks[0].cache_key is not None
    assert LOWERING[0] is lower_conditions  # conditions first: later passes see their Python meaning


def test_predicate_names_are_deterministic_and_distinct_across_pipelines() -> None:
    a = _program(Truthy(value=p("d")), name="a")
    b = _program(cmp("in", p("n"), p("xs")), name="b")
    out = lower_conditions(Program(pipelines=(*a.pipelines, *b.pipelines)))
    assert [t.name for t in out.tasks] == ["cond_1_predicate", "b_cond_1_predicate"]
    steps = [n for pl in out.pipelines for n in iter_nodes(pl.body) if isinstance(n, TaskNode)]
    assert [(s.id, s.task) for s in steps] == [("cond_1_predicate", "cond_1_predicate"), ("cond_1_predicate", "b_cond_1_predicate")]
    assert lower_conditions(Program(pipelines=(*a.pipelines, *b.pipelines))) == out
