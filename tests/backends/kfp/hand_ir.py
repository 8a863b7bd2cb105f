"""Programs built directly from IR models, so backend tests do not depend on the reader."""

from __future__ import annotations

from typing import Any

from flowc.ir.command import InputPart, TextPart
from flowc.ir.passes import lower
from flowc.ir.model import (
    BoolOp,
    Branch,
    BranchOutput,
    Compare,
    ConditionNode,
    ConstBinding,
    ContainerTask,
    FlowcImport,
    Input,
    LoopItemBinding,
    LoopNode,
    Not,
    OutputBinding,
    ParamBinding,
    Parameter,
    Pipeline,
    PipelineNode,
    PipelineResult,
    Program,
    PythonTask,
    Resources,
    TaskCode,
    TaskNode,
    TaskOptions,
)
from flowc.ir.span import Span
from flowc.ir.types import (
    BOOL,
    FLOAT,
    INT,
    NONE,
    STR,
    ArtifactType,
    ListType,
    NamedField,
    NamedTupleType,
    TupleType,
    Type,
)

DATASET = ArtifactType(name="Dataset")
MODEL = ArtifactType(name="Model")
IMAGE = "python:3.12-slim"
ARTIFACTS = (FlowcImport(local="Dataset", attr="Dataset"), FlowcImport(local="Model", attr="Model"))


def span(line: int) -> Span:
    return Span(path="hand.py", line=line, col=1, end_line=line, end_col=10)


def param(name: str, t: Type, default: Any = None, has_default: bool = False) -> Parameter:
    return Parameter(name=name, type=t, has_default=has_default or default is not None, default=default, span=span(1))


def py_task(name: str, params: list[Parameter], returns: Type, body: str, preamble: str = "", **options: Any) -> PythonTask:
    args = ", ".join(p.name for p in params)
    function = f"def {name}({args}):\n" + "".join(f"    {line}\n" for line in body.strip().splitlines())
    code = TaskCode(function_name=name, function=function, preamble=preamble, flowc_imports=ARTIFACTS)
    return PythonTask(name=name, params=tuple(params), returns=returns, code=code, options=TaskOptions(image=IMAGE, **options), span=span(2))


def call(node_id: str, task: str, **inputs: Any) -> TaskNode:
    return TaskNode(id=node_id, task=task, inputs=tuple(Input(name=k, binding=v) for k, v in inputs.items()), span=span(3))


def out(node: str, field: str | None = None) -> OutputBinding:
    return OutputBinding(node=node, field=field)


def p(name: str) -> ParamBinding:
    return ParamBinding(name=name)


def const(value: Any) -> ConstBinding:
    return ConstBinding(value=value)


SPLIT = NamedTupleType(name="Split", fields=(NamedField(name="train", type=DATASET), NamedField(name="test", type=DATASET)))
SUMMARY = NamedTupleType(name="Summary", fields=(NamedField(name="best", type=FLOAT), NamedField(name="runs", type=INT)))


def mini_churn() -> Program:
    """load -> split -> [train per lr] -> pick -> evaluate; publish when the score clears the bar."""
    tasks = (
        py_task("load", [param("rows", INT, 5)], DATASET, """
out = Dataset.create()
with open(out.path, "w") as fh:
    fh.write("\\n".join(str(i) for i in range(rows)))
return out
""", cache=True, retries=2, resources=Resources(cpu="1", memory="2Gi")),
        py_task("split", [param("data", DATASET)], SPLIT, """
rows = open(data.path).read().split()
a, b = Dataset.create(), Dataset.create()
open(a.path, "w").write(" ".join(rows[:3]))
open(b.path, "w").write(" ".join(rows[3:]))
return Split(a, b)
""", preamble="from typing import NamedTuple\n\n\nclass Split(NamedTuple):\n    train: Dataset\n    test: Dataset\n", cache=True),
        py_task("train", [param("data", DATASET), param("lr", FLOAT)], MODEL, """
import json
model = Model.create()
json.dump({"lr": lr, "n": len(open(data.path).read().split())}, open(model.path, "w"))
return model
""", timeout_seconds=1800, cache=True, env=(("MODE", "fast"),)),
        py_task("pick", [param("models", ListType(item=MODEL))], MODEL, """
import json
return max(models, key=lambda m: json.load(open(m.path))["lr"])
"""),
        py_task("evaluate", [param("model", MODEL)], FLOAT, """
import json
return json.load(open(model.path))["lr"] * 2
"""),
        ContainerTask(
            name="publish", params=(param("model", MODEL), param("tag", STR)), returns=NONE,
            command=(
                (TextPart(text="sh"),), (TextPart(text="-c"),), (TextPart(text='echo publishing "$0" as "$1"'),),
                (InputPart(name="model", artifact=True),), (InputPart(name="tag"),),
            ),
            options=TaskOptions(image="busybox:1.36", env=(("REGISTRY", "ghcr.io/acme"),), secrets=("registry-token",)), span=span(4),
        ),
    )
    body = (
        call("load", "load", rows=p("rows")),
        call("split", "split", data=out("load")),
        LoopNode(id="loop_1", var="r", items=p("lrs"), item_type=FLOAT, body=(
            call("train", "train", data=out("split", "train"), lr=LoopItemBinding(loop="loop_1")),
        ), result=out("train"), result_type=MODEL, span=span(5)),
        call("pick", "pick", models=out("loop_1")),
        call("evaluate", "evaluate", model=out("pick")),
        ConditionNode(id="cond_1", branches=(
            Branch(condition=Compare(op=">", left=out("evaluate"), right=p("bar")), body=(
                call("publish", "publish", model=out("pick"), tag=const("prod")),
            )),
        ), span=span(6)),
    )
    pipeline = Pipeline(
        name="mini_churn", params=(param("rows", INT, 5), param("lrs", ListType(item=FLOAT), [0.5, 5.0]), param("bar", FLOAT, 1.0)),
        returns=FLOAT, results=(PipelineResult(name="output", type=FLOAT, binding=out("evaluate")),), body=body,
        doc="A small churn-like pipeline.", span=span(7),
    )
    return Program(tasks=tasks, pipelines=(pipeline,))


def mini_report() -> Program:
    """A sub-pipeline per region in a fan-out, if/elif/else with a value out, `after` into a condition, a tuple out."""
    tasks = (
        py_task("fetch", [param("region", STR), param("day", STR, "d1")], INT, "return len(region) * 100 + len(day)"),
        py_task("combine", [param("totals", ListType(item=INT))], INT, "return sum(totals)"),
        py_task("full", [param("regions", ListType(item=STR)), param("totals", ListType(item=INT))], STR,
                'return ";".join(f"{r}={t}" for r, t in zip(regions, totals))'),
        py_task("short", [param("overall", INT)], STR, 'return f"total {overall}"'),
        py_task("announce", [param("overall", INT)], STR, 'return f"record {overall}"'),
        py_task("archive", [param("text", STR)], NONE, "print(text)"),
    )
    region = Pipeline(
        name="region_total", params=(param("region", STR), param("day", STR, "d1")), returns=INT,
        results=(PipelineResult(name="output", type=INT, binding=out("fetch")),),
        body=(call("fetch", "fetch", region=p("region"), day=p("day")),), entry=False, span=span(8),
    )
    mode = p("mode")
    body = (
        LoopNode(id="loop_1", var="r", items=p("regions"), item_type=STR, body=(
            PipelineNode(id="region_total", pipeline="region_total", inputs=(
                Input(name="region", binding=LoopItemBinding(loop="loop_1")), Input(name="day", binding=p("day")),
            )),
        ), result=out("region_total"), result_type=INT),
        call("combine", "combine", totals=out("loop_1")),
        ConditionNode(id="cond_1", branches=(
            Branch(condition=Compare(op="==", left=mode, right=const("full")), body=(
                call("full", "full", regions=p("regions"), totals=out("loop_1")),)),
            Branch(condition=Compare(op="==", left=mode, right=const("short")), body=(
                call("short", "short", overall=out("combine")),)),
            Branch(condition=None, body=(call("announce", "announce", overall=out("combine")),)),
        ), outputs=(BranchOutput(name="text", type=STR, sources=(out("full"), out("short"), out("announce"))),)),
        call("archive", "archive", text=out("cond_1", "text")),
        ConditionNode(id="cond_2", branches=(
            Branch(condition=BoolOp(op="and", operands=(
                Compare(op=">", left=out("combine"), right=p("record")),
                Not(operand=Compare(op="==", left=mode, right=const("short"))),
            )), body=(TaskNode(id="announce_2", task="announce", inputs=(Input(name="overall", binding=out("combine")),), after=("archive",)),)),
        )),
    )
    pipeline = Pipeline(
        name="mini_report",
        params=(param("regions", ListType(item=STR), ["emea", "us"]), param("day", STR, "d1"), param("mode", STR, "full"), param("record", INT, 100)),
        returns=TupleType(items=(INT, STR)),
        results=(PipelineResult(name="output_0", type=INT, binding=out("combine")), PipelineResult(name="output_1", type=STR, binding=out("cond_1", "text"))),
        body=body, span=span(9),
    )
    return lower(Program(tasks=tasks, pipelines=(region, pipeline)))


def mini_grid() -> Program:
    """A nested fan-out, a NamedTuple result, a condition with `or` and `in` on its fields."""
    tasks = (
        py_task("simulate", [param("depth", INT), param("width", INT)], FLOAT, "return depth * 10 + width / 4"),
        py_task("summarize", [param("scores", ListType(item=ListType(item=FLOAT)))], SUMMARY, """
flat = [s for row in scores for s in row]
return Summary(max(flat), len(flat))
""", preamble="from typing import NamedTuple\n\n\nclass Summary(NamedTuple):\n    best: float\n    runs: int\n"),
        py_task("alert", [param("best", FLOAT), param("flag", BOOL, False)], NONE, "print('low', best, flag)"),
    )
    body = (
        LoopNode(id="loop_1", var="d", items=p("depths"), item_type=INT, body=(
            LoopNode(id="loop_2", var="w", items=p("widths"), item_type=INT, body=(
                call("simulate", "simulate", depth=LoopItemBinding(loop="loop_1"), width=LoopItemBinding(loop="loop_2")),
            ), result=out("simulate"), result_type=FLOAT),
        ), result=out("loop_2"), result_type=ListType(item=FLOAT)),
        call("summarize", "summarize", scores=out("loop_1")),
        ConditionNode(id="cond_1", branches=(
            Branch(condition=BoolOp(op="or", operands=(
                Compare(op="<", left=out("summarize", "best"), right=p("floor")),
                Compare(op="in", left=out("summarize", "runs"), right=const([0, 1])),
            )), body=(call("alert", "alert", best=out("summarize", "best")),)),
        )),
    )
    pipeline = Pipeline(
        name="mini_grid",
        params=(param("depths", ListType(item=INT), [2, 3]), param("widths", ListType(item=INT), [4, 8]), param("floor", FLOAT, 25.0)),
        returns=TupleType(items=(FLOAT, INT)),
        results=(PipelineResult(name="output_0", type=FLOAT, binding=out("summarize", "best")), PipelineResult(name="output_1", type=INT, binding=out("summarize", "runs"))),
        body=body, span=span(10),
    )
    return lower(Program(tasks=tasks, pipelines=(pipeline,)))


def mini_literal() -> Program:
    """A fan-out over a literal list, a `for` loop without fan-in, and `after` on that loop."""
    tasks = (
        py_task("double", [param("x", INT)], INT, "return x * 2"),
        py_task("note", [param("x", INT)], NONE, "print('saw', x)"),
        py_task("total", [param("values", ListType(item=INT))], INT, "return sum(values)"),
        py_task("gpu_step", [param("n", INT)], INT, "return n", resources=Resources(gpu=2, cpu="500m")),
    )
    body = (
        LoopNode(id="loop_1", var="x", items=const([1, 2, 3]), item_type=INT, body=(
            call("double", "double", x=LoopItemBinding(loop="loop_1")),
        ), result=out("double"), result_type=INT),
        LoopNode(id="loop_2", var="x", items=const([7, 8]), item_type=INT, body=(
            call("note", "note", x=LoopItemBinding(loop="loop_2")),
        )),
        TaskNode(id="total", task="total", inputs=(Input(name="values", binding=out("loop_1")),), after=("loop_2",)),
        call("gpu_step", "gpu_step", n=out("total")),
    )
    pipeline = Pipeline(
        name="mini_literal", params=(), returns=INT,
        results=(PipelineResult(name="output", type=INT, binding=out("gpu_step")),), body=body, span=span(11),
    )
    return Program(tasks=tasks, pipelines=(pipeline,))


def outer_value_in_loop() -> Program:
    """A fan-out whose body reads a task output computed before the loop."""
    tasks = (
        py_task("base", [], INT, "return 10"),
        py_task("scale", [param("x", INT), param("n", INT)], INT, "return x * n"),
        py_task("total", [param("values", ListType(item=INT))], INT, "return sum(values)"),
    )
    body = (
        call("base", "base"),
        LoopNode(id="loop_1", var="x", items=const([1, 2]), item_type=INT, body=(
            call("scale", "scale", x=LoopItemBinding(loop="loop_1"), n=out("base")),
        ), result=out("scale"), result_type=INT),
        call("total", "total", values=out("loop_1")),
    )
    pipeline = Pipeline(
        name="outer_value_in_loop", params=(), returns=INT,
        results=(PipelineResult(name="output", type=INT, binding=out("total")),), body=body, span=span(12),
    )
    return Program(tasks=tasks, pipelines=(pipeline,))


def with_packages() -> Program:
    """A task with a package list: the runner installs it before running."""
    tasks = (
        py_task("uses_yaml", [param("text", STR, "a: 1")], INT, "import yaml\nreturn yaml.safe_load(text)['a']", packages=("pyyaml",)),
    )
    pipeline = Pipeline(
        name="with_packages", params=(), returns=INT,
        results=(PipelineResult(name="output", type=INT, binding=out("uses_yaml")),),
        body=(call("uses_yaml", "uses_yaml"),), span=span(13),
    )
    return Program(tasks=tasks, pipelines=(pipeline,))


def dataclass_helper() -> Program:
    """Task code whose helpers need a real module: a dataclass and a pickle round trip."""
    preamble = "import pickle\nfrom dataclasses import dataclass\n\n\n@dataclass\nclass Point:\n    x: int\n    y: int\n"
    tasks = (py_task("norm", [param("x", INT), param("y", INT)], INT, "p = pickle.loads(pickle.dumps(Point(x, y)))\nreturn p.x * p.x + p.y * p.y", preamble=preamble),)
    pipeline = Pipeline(
        name="dataclass_helper", params=(param("x", INT, 3),), returns=INT,
        results=(PipelineResult(name="output", type=INT, binding=out("norm")),),
        body=(call("norm", "norm", x=p("x"), y=const(4)),), span=span(14),
    )
    return Program(tasks=tasks, pipelines=(pipeline,))


PLAN = NamedTupleType(name="Plan", fields=(NamedField(name="items", type=ListType(item=INT)), NamedField(name="label", type=STR)))


def loop_over_field() -> Program:
    """A fan-out over a list field of a NamedTuple result."""
    tasks = (
        py_task("plan", [], PLAN, "return Plan([1, 2, 3], 'x')", preamble="from typing import NamedTuple\n\n\nclass Plan(NamedTuple):\n    items: list[int]\n    label: str\n"),
        py_task("double", [param("x", INT)], INT, "return x * 2"),
        py_task("total", [param("values", ListType(item=INT))], INT, "return sum(values)"),
    )
    body = (
        call("plan", "plan"),
        LoopNode(id="loop_1", var="x", items=out("plan", "items"), item_type=INT, body=(
            call("double", "double", x=LoopItemBinding(loop="loop_1")),
        ), result=out("double"), result_type=INT),
        call("total", "total", values=out("loop_1")),
    )
    pipeline = Pipeline(
        name="loop_over_field", params=(), returns=INT,
        results=(PipelineResult(name="output", type=INT, binding=out("total")),), body=body, span=span(15),
    )
    return Program(tasks=tasks, pipelines=(pipeline,))
