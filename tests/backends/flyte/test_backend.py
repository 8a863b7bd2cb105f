"""The Flyte backend on hand-built IR: limits and unsupported forms are located diagnostics; helpers."""

from __future__ import annotations

import __future__
import ast
from collections.abc import Callable
from pathlib import Path
from types import FunctionType
from typing import cast

import pytest

from flowc.backends import registry
from flowc.backends.base import Backend
from flowc.backends.flyte.backend import FlyteBackend
from flowc.backends.flyte.code import factory_body
from flowc.backends.flyte.conditions import render_condition
from flowc.codegen.runtime import runtime_source
from flowc.ir.command import OutputPart, TextPart
from flowc.ir.passes import lower
from flowc.ir.passes.conditions import NotLowered
from flowc.ir.model import (
    BoolOp,
    Branch,
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
    Parameter,
    ParamBinding,
    Pipeline,
    PipelineResult,
    Program,
    PythonTask,
    TaskCode,
    TaskNode,
)
from flowc.ir.span import Span
from flowc.ir.types import INT, NONE, STR, ListType

from tests.backends.flyte.local_run import compile_pipeline, flyte_sandbox, import_generated

SPAN = Span(path="p.py", line=7, col=5, end_line=7, end_col=20)


def _task(name: str = "step", params: tuple[Parameter, ...] = (Parameter(name="x", type=INT),)) -> PythonTask:
    code = TaskCode(function_name=name, function=f"def {name}(x):\n    return x\n")
    return PythonTask(name=name, params=params, returns=INT, code=code, span=SPAN)


def _pipeline(body: tuple[TaskNode | LoopNode | ConditionNode, ...], params: tuple[Parameter, ...] = ()) -> Pipeline:
    return Pipeline(name="pipe", params=params, returns=NONE, body=body, span=SPAN)


def _codes(program: Program) -> list[tuple[str, int | None]]:
    result = FlyteBackend().emit(program, {})
    if result.diagnostics:
        assert not result.files or all(not d.is_error for d in result.diagnostics)
    return [(d.code, d.span.line if d.span else None) for d in result.diagnostics]


def test_registered_and_implements_the_protocol() -> None:
    backend = registry.load("flyte")
    assert isinstance(backend, Backend) and backend.name == "flyte"
    assert {o.name for o in backend.options} == {"package", "image", "flytekit_images"}


def test_a_literal_fan_out_wider_than_flytes_array_limit_is_reported() -> None:
    items = ConstBinding(value=list(range(5001)), span=SPAN)
    loop = LoopNode(id="loop_1", var="i", items=items, item_type=INT,
                    body=(TaskNode(id="step", task="step", inputs=(Input(name="x", binding=LoopItemBinding(loop="loop_1")),)),))
    assert _codes(Program(tasks=(_task(),), pipelines=(_pipeline((loop,)),))) == [("FLC701", 7)]
    ok = loop.model_copy(update={"items": ConstBinding(value=list(range(5000)))})
    assert _codes(Program(tasks=(_task(),), pipelines=(_pipeline((ok,)),))) == []


def test_in_against_a_runtime_list_becomes_a_predicate_step() -> None:
    params = (Parameter(name="x", type=INT), Parameter(name="xs", type=ListType(item=INT)))
    cond = Compare(op="in", left=ParamBinding(name="x"), right=ParamBinding(name="xs"))
    call = TaskNode(id="step", task="step", inputs=(Input(name="x", binding=ParamBinding(name="x")),))
    node = ConditionNode(id="cond_1", branches=(Branch(condition=cond, body=(call,), span=SPAN),))
    program = lower(Program(tasks=(_task(),), pipelines=(_pipeline((node,), params),)))
    result = FlyteBackend().emit(program, {})
    assert result.diagnostics == []
    text = result.files["pipe_flyte.py"].decode()
    assert "cond_1_predicate_out = cond_1_predicate(x=x, xs=xs)" in text
    assert ".if_(cond_1_predicate_out == True)" in text


def test_names_that_would_shadow_the_modules_own_are_reported() -> None:
    shadow = _task("map_task")
    call = TaskNode(id="map_task", task="map_task", inputs=(Input(name="x", binding=ConstBinding(value=1)),))
    assert _codes(Program(tasks=(shadow,), pipelines=(_pipeline((call,)),))) == [("FLC703", 7)]
    param = Parameter(name="step", type=INT, span=SPAN)
    call = TaskNode(id="step", task="step", inputs=(Input(name="x", binding=ParamBinding(name="step")),))
    assert _codes(Program(tasks=(_task(),), pipelines=(_pipeline((call,), (param,)),))) == [("FLC703", 7)]


def test_container_outputs_must_be_single_files() -> None:
    task = ContainerTask(name="lister", params=(), returns=ListType(item=STR), command=((TextPart(text="ls"),), (OutputPart(name="output"),)), span=SPAN)
    call = TaskNode(id="lister", task="lister", inputs=())
    assert _codes(Program(tasks=(task,), pipelines=(_pipeline((call,)),))) == [("FLC702", 7)]


def test_a_hand_built_pipeline_compiles_to_valid_python_with_every_value_bound() -> None:
    a = TaskNode(id="step", task="step", inputs=(Input(name="x", binding=ParamBinding(name="n")),))
    b = TaskNode(id="step_2", task="step", inputs=(Input(name="x", binding=OutputBinding(node="step")),), after=())
    p = Pipeline(name="pipe", params=(Parameter(name="n", type=INT, has_default=True, default=2),), returns=INT,
                 results=(PipelineResult(name="output", type=INT, binding=OutputBinding(node="step_2")),), body=(a, b))
    text = FlyteBackend().emit(Program(tasks=(_task(),), pipelines=(p,)), {}).files["pipe_flyte.py"].decode()
    ast.parse(text)
    assert "step_out = step(x=n)\n    step_2_out = step(x=step_out)\n    return step_2_out" in text
    assert "def pipe(n: int = 2) -> int:" in text


def test_render_condition_renders_lowered_comparisons_and_nothing_else() -> None:
    x, y = ParamBinding(name="x"), ParamBinding(name="y")
    value = lambda b: b.name if isinstance(b, ParamBinding) else repr(b.value)  # noqa: E731  # pyright: ignore
    cond = BoolOp(op="or", operands=(
        Compare(op=">=", left=x, right=ConstBinding(value=3)),
        BoolOp(op="and", operands=(Compare(op="!=", left=y, right=ConstBinding(value="a")),
                                   Compare(op="!=", left=y, right=ConstBinding(value="b")))),
    ))
    assert render_condition(cond, value) == "((x >= 3) | ((y != 'a') & (y != 'b')))"
    with pytest.raises(NotLowered):
        render_condition(Not(operand=Compare(op="<", left=x, right=y)), value)
    with pytest.raises(NotLowered):
        render_condition(Compare(op="in", left=x, right=y), value)


def test_flowc_imports_are_bound_to_the_runtime() -> None:
    code = TaskCode(
        function_name="f", function="def f():\n    return D, fc\n",
        preamble="from __future__ import annotations\nimport os\n",
        flowc_imports=(FlowcImport(local="fc"), FlowcImport(local="D", attr="Dataset")),
    )
    task = PythonTask(name="f", params=(), returns=NONE, code=code)
    namespace: dict[str, object] = {}
    exec(runtime_source(), namespace)
    exec("def factory():\n" + factory_body(task) + "\n", namespace)
    function = cast(Callable[[], FunctionType], namespace["factory"])()
    assert function() == (namespace["Dataset"], namespace["flowc"])
    # The future import is kept: the code runs as a module of its own.
    assert function.__code__.co_flags & __future__.annotations.compiler_flag


def test_a_pipeline_named_like_a_task_is_reported() -> None:
    call = TaskNode(id="step", task="step", inputs=(Input(name="x", binding=ConstBinding(value=1)),))
    p = Pipeline(name="step", params=(), returns=NONE, body=(call,), span=SPAN)
    assert _codes(Program(tasks=(_task(),), pipelines=(p,))) == [("FLC703", 7)]


@pytest.mark.engine
def test_gpu_resources_and_timeouts_reach_flytekit(tmp_path: Path) -> None:
    from flowc.ir.model import Resources, TaskOptions

    options = TaskOptions(resources=Resources(cpu="2", memory="650M", gpu=1), timeout_seconds=90, retries=3)
    task = _task().model_copy(update={"options": options})
    call = TaskNode(id="step", task="step", inputs=(Input(name="x", binding=ConstBinding(value=1)),))
    compile_pipeline(Program(tasks=(task,), pipelines=(_pipeline((call,)),)), tmp_path / "m")
    with flyte_sandbox(tmp_path):
        module = import_generated(tmp_path / "m", "pipe_flyte")
    step = module.step
    assert step.resources.limits.gpu == "1" and step.resources.requests.mem == "650M"
    assert step.metadata.timeout.total_seconds() == 90 and step.metadata.retries == 3


def test_package_failure_is_a_located_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a working flytekit, `--package` reports FLC704 at the pipeline, never a traceback."""
    from flowc.backends.flyte import package

    monkeypatch.setattr(package, "PYFLYTE", "import sys; sys.exit('No module named flytekit')")
    call = TaskNode(id="step", task="step", inputs=(Input(name="x", binding=ConstBinding(value=1)),))
    result = FlyteBackend().emit(Program(tasks=(_task(),), pipelines=(_pipeline((call,)),)), {"package": "yes"})
    assert [(d.code, d.span) for d in result.diagnostics] == [("FLC704", SPAN)]
    assert "No module named flytekit" in result.diagnostics[0].message


def test_names_that_are_not_identifiers_never_reach_the_module() -> None:
    bad = _task(params=(Parameter(name="x); import os; (", type=INT),))
    call = TaskNode(id="step", task="step", inputs=())
    result = FlyteBackend().emit(Program(tasks=(bad,), pipelines=(_pipeline((call,)),)), {})
    assert [d.code for d in result.diagnostics] == ["FLC702"] and not result.files
