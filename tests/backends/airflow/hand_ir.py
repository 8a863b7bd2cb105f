"""Small programs built directly from IR models, so these tests do not depend on the reader."""

from __future__ import annotations

from typing import Any

from flowc.ir.model import (
    Branch,
    Compare,
    ConditionNode,
    ConstBinding,
    Input,
    LoopItemBinding,
    LoopNode,
    OutputBinding,
    ParamBinding,
    Parameter,
    Pipeline,
    PipelineResult,
    Program,
    PythonTask,
    TaskCode,
    TaskNode,
    TaskOptions,
)
from flowc.ir.span import Span
from flowc.ir.types import INT, NONE, STR, ListType, Type


def span(line: int, col: int = 5) -> Span:
    return Span(path="hand.py", line=line, col=col, end_line=line, end_col=col + 10)


def task(name: str, params: dict[str, Type], returns: Type, body: str = "return 0", doc: str | None = None, **options: Any) -> PythonTask:
    args = ", ".join(params)
    function = f"def {name}({args}):\n    {body}\n"
    return PythonTask(
        name=name, params=tuple(Parameter(name=k, type=v) for k, v in params.items()), returns=returns,
        code=TaskCode(function_name=name, function=function), options=TaskOptions(**options), doc=doc, span=span(2),
    )


def call(node_id: str, task_name: str, line: int = 10, **inputs: Any) -> TaskNode:
    return TaskNode(id=node_id, task=task_name, inputs=tuple(Input(name=k, binding=v) for k, v in inputs.items()), span=span(line))


def const(value: Any) -> ConstBinding:
    return ConstBinding(value=value)


def loop(loop_id: str, items: Any, body: tuple[Any, ...], result: Any = None, item_type: Type = INT, line: int = 20) -> LoopNode:
    return LoopNode(
        id=loop_id, var="x", items=items, item_type=item_type, body=body, result=result,
        result_type=INT if result is not None else None, span=span(line),
    )


def program(body: tuple[Any, ...], tasks: list[PythonTask], params: tuple[Parameter, ...] = (), schedule: str | None = None,
            doc: str | None = None, results: tuple[PipelineResult, ...] = (), returns: Type = INT) -> Program:
    pipe = Pipeline(name="hand", params=params, returns=returns, results=results, body=body, schedule=schedule, doc=doc, span=span(8, 1))
    return Program(tasks=tuple(tasks), pipelines=(pipe,))


def echo_program(width: int) -> Program:
    """`[echo(x=i) for i in <literal list of width>]`."""
    body = (loop("loop_1", const(list(range(width))), (call("echo", "echo", x=LoopItemBinding(loop="loop_1")),)),)
    return program(body, [task("echo", {"x": INT}, INT, "return x")], returns=ListType(item=INT))


def condition_in_loop() -> Program:
    cond = ConditionNode(
        id="cond_1",
        branches=(Branch(condition=Compare(op=">", left=LoopItemBinding(loop="loop_1"), right=const(1)),
                         body=(call("echo", "echo", x=LoopItemBinding(loop="loop_1")),)),),
        span=span(30),
    )
    return program((loop("loop_1", const([1, 2]), (cond,)),), [task("echo", {"x": INT}, INT, "return x")])


def scheduled_with_required() -> Program:
    params = (Parameter(name="day", type=STR, span=span(9)),)
    body = (call("echo", "echo", x=ParamBinding(name="day")),)
    return program(body, [task("echo", {"x": STR}, STR, "return x")], params=params, schedule="@daily")


def hostile_strings() -> Program:
    """User strings that would break naive interpolation into Python or Jinja."""
    nasty = "'''\"\"\" {{ ds }} {% raw %} \\ '); import os; os.system('x') #\u00e9"
    params = (Parameter(name="text", type=STR, has_default=True, default=nasty, description=nasty),)
    t = task("echo", {"x": STR}, STR, "return x", doc=nasty, env=(("NOTE", nasty),), image="python:3.12-slim")
    body = (call("echo", "echo", x=ConstBinding(value=nasty)), call("echo_2", "echo", x=ParamBinding(name="text")))
    results = (PipelineResult(name="output", type=STR, binding=OutputBinding(node="echo_2")),)
    return program(body, [t], params=params, doc=nasty, results=results, returns=STR)


NASTY = hostile_strings().pipelines[0].doc or ""


def branch_per_item() -> Program:
    """`[classify(x=x) for x in xs]`, where the sub-pipeline `classify` branches on its input.

        @pipeline
        def classify(x: int) -> int:
            if x > 1:
                y = double(x=x)
            else:
                y = negate(x=x)
                note(x=x)
            return y
    """
    from flowc.ir.model import BranchOutput, PipelineNode

    x = ParamBinding(name="x")
    cond = ConditionNode(
        id="cond_1",
        branches=(
            Branch(condition=Compare(op=">", left=x, right=const(1)), body=(call("double", "double", x=x),)),
            Branch(condition=None, body=(call("negate", "negate", x=x), call("note", "note", x=x))),
        ),
        outputs=(BranchOutput(name="y", type=INT, sources=(OutputBinding(node="double"), OutputBinding(node="negate"))),),
        span=span(40),
    )
    classify = Pipeline(
        name="classify", params=(Parameter(name="x", type=INT),), returns=INT, body=(cond,), entry=False,
        results=(PipelineResult(name="output", type=INT, binding=OutputBinding(node="cond_1", field="y")),),
    )
    xs = Parameter(name="xs", type=ListType(item=INT), has_default=True, default=[1, 2, 3])
    node = PipelineNode(id="classify", pipeline="classify", inputs=(Input(name="x", binding=LoopItemBinding(loop="loop_1")),))
    body = (loop("loop_1", ParamBinding(name="xs"), (node,), result=OutputBinding(node="classify")),)
    results = (PipelineResult(name="output", type=ListType(item=INT), binding=OutputBinding(node="loop_1")),)
    tasks = [
        task("double", {"x": INT}, INT, "return 2 * x"),
        task("negate", {"x": INT}, INT, "return -x"),
        task("note", {"x": INT}, NONE, "print(x)"),
    ]
    main = Pipeline(name="hand", params=(xs,), returns=ListType(item=INT), results=results, body=body, span=span(8, 1))
    return Program(tasks=tuple(tasks), pipelines=(main, classify))


def empty_fan_out() -> Program:
    """`total(values=[echo(x=x) for x in xs])` with `xs = []` by default: the fan-in is []."""
    xs = Parameter(name="xs", type=ListType(item=INT), has_default=True, default=[])
    body = (
        loop("loop_1", ParamBinding(name="xs"), (call("echo", "echo", x=LoopItemBinding(loop="loop_1")),), result=OutputBinding(node="echo")),
        call("total", "total", values=OutputBinding(node="loop_1")),
    )
    tasks = [task("echo", {"x": INT}, INT, "return x"), task("total", {"values": ListType(item=INT)}, INT, "return sum(values)")]
    results = (PipelineResult(name="output", type=INT, binding=OutputBinding(node="total")),)
    return program(body, tasks, params=(xs,), results=results)


def after_a_branchy_sub_pipeline() -> Program:
    """`with after(sub()): last()` where `sub` holds an `if` with no `else`, not taken."""
    from flowc.ir.model import PipelineNode

    cond = ConditionNode(
        id="cond_1",
        branches=(Branch(condition=Compare(op=">", left=ParamBinding(name="x"), right=const(10)), body=(call("never", "echo", x=ParamBinding(name="x")),)),),
        span=span(50),
    )
    first = call("first", "echo", x=ParamBinding(name="x"))
    sub = Pipeline(
        name="sub", params=(Parameter(name="x", type=INT),), returns=INT, body=(first, cond), entry=False,
        results=(PipelineResult(name="output", type=INT, binding=OutputBinding(node="first")),),
    )
    node = PipelineNode(id="sub", pipeline="sub", inputs=(Input(name="x", binding=const(1)),))
    last = TaskNode(id="last", task="echo", inputs=(Input(name="x", binding=const(2)),), after=("sub",))
    results = (PipelineResult(name="output", type=INT, binding=OutputBinding(node="last")),)
    main = Pipeline(name="hand", params=(), returns=INT, results=results, body=(node, last), span=span(8, 1))
    return Program(tasks=(task("echo", {"x": INT}, INT, "return x"),), pipelines=(main, sub))
