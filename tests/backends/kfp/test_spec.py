"""The KFP backend on hand-built IR: spec structure, limits, determinism, the compile path."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from typing import Any

import pytest

from flowc import api
from flowc.backends.kfp.backend import KfpBackend
from flowc.backends.kfp.conditions import literal
from flowc.ir.model import LoopNode, Program, PythonTask
from flowc.ir.types import STR
from tests.backends.kfp import hand_ir
from tests.backends.kfp.kfp_check import documents, reference_problems, strict_parse

PROGRAMS = {
    "mini_churn": hand_ir.mini_churn, "mini_report": hand_ir.mini_report, "mini_grid": hand_ir.mini_grid,
    "mini_literal": hand_ir.mini_literal,
}


def compile_text(program: Program, name: str, options: dict[str, Any] | None = None) -> str:
    result = api.emit(program, "kfp", options or {})
    assert not result.diagnostics, result.diagnostics
    return result.files[f"{name}.yaml"].decode()


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {name: compile_text(build(), name) for name, build in PROGRAMS.items()}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_spec_parses_strictly_and_references_resolve(texts: dict[str, str], name: str) -> None:
    spec_msg, _ = strict_parse(texts[name])
    assert spec_msg.schema_version == "2.1.0"
    spec, platform = documents(texts[name])
    assert reference_problems(spec, platform) == []
    assert "sdkVersion" not in spec


def test_fan_out_and_fan_in(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_churn"])
    loop = spec["root"]["dag"]["tasks"]["loop-1"]
    assert loop["parameterIterator"] == {"itemInput": "pipelinechannel--loop-1-item", "items": {"inputParameter": "pipelinechannel--lrs"}}
    assert loop["inputs"]["parameters"]["pipelinechannel--lrs"] == {"componentInputParameter": "lrs"}
    assert loop["inputs"]["artifacts"]["pipelinechannel--split--train"] == {
        "taskOutputArtifact": {"outputArtifactKey": "train", "producerTask": "split"}
    }
    body = spec["components"][loop["componentRef"]["name"]]
    assert body["outputDefinitions"]["artifacts"]["Output"] == {
        "artifactType": {"schemaTitle": "system.Model", "schemaVersion": "0.0.1"}, "isArtifactList": True,
    }
    pick = spec["root"]["dag"]["tasks"]["pick"]
    assert pick["inputs"]["artifacts"]["models"] == {"taskOutputArtifact": {"outputArtifactKey": "Output", "producerTask": "loop-1"}}
    assert pick["dependentTasks"] == ["loop-1"]


def test_condition_on_task_output_and_parameter(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_churn"])
    cond = spec["root"]["dag"]["tasks"]["cond-1"]
    assert cond["triggerPolicy"]["condition"] == (
        "inputs.parameter_values['pipelinechannel--evaluate-Output'] > inputs.parameter_values['pipelinechannel--bar']"
    )
    assert set(cond["inputs"]["parameters"]) == {"pipelinechannel--evaluate-Output", "pipelinechannel--bar"}
    assert cond["dependentTasks"] == ["evaluate", "pick"]


def test_if_elif_else_value_is_one_of_the_arms(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_report"])
    wrapper = spec["components"][spec["root"]["dag"]["tasks"]["cond-1"]["componentRef"]["name"]]
    selectors = wrapper["dag"]["outputs"]["parameters"]["text"]["valueFromOneof"]["parameterSelectors"]
    assert [s["producerSubtask"] for s in selectors] == ["cond-1-branch-1", "cond-1-branch-2", "cond-1-branch-3"]
    arms = wrapper["dag"]["tasks"]
    mode = "inputs.parameter_values['pipelinechannel--mode']"
    assert arms["cond-1-branch-1"]["triggerPolicy"]["condition"] == f"{mode} == 'full'"
    assert arms["cond-1-branch-2"]["triggerPolicy"]["condition"] == f"!({mode} == 'full') && {mode} == 'short'"
    assert arms["cond-1-branch-3"]["triggerPolicy"]["condition"] == f"!({mode} == 'full') && !({mode} == 'short')"
    archive = spec["root"]["dag"]["tasks"]["archive"]
    assert archive["inputs"]["parameters"]["text"] == {"taskOutputParameter": {"outputParameterKey": "text", "producerTask": "cond-1"}}


def test_after_inside_a_condition_waits_at_the_condition(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_report"])
    cond = spec["root"]["dag"]["tasks"]["cond-2"]
    assert "archive" in cond["dependentTasks"]
    condition = cond["triggerPolicy"]["condition"]
    assert condition == (
        "int(inputs.parameter_values['pipelinechannel--combine-Output']) > int(inputs.parameter_values['pipelinechannel--record'])"
        " && inputs.parameter_values['pipelinechannel--mode'] != 'short'"
    )


def test_sub_pipeline_in_fan_out_and_tuple_outputs(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_report"])
    loop = spec["components"][spec["root"]["dag"]["tasks"]["loop-1"]["componentRef"]["name"]]
    call = loop["dag"]["tasks"]["region-total"]
    assert call["componentRef"]["name"] == "comp-region-total"
    assert call["inputs"]["parameters"]["region"] == {"componentInputParameter": "pipelinechannel--loop-1-item"}
    sub = spec["components"]["comp-region-total"]
    assert sub["inputDefinitions"]["parameters"]["day"] == {"defaultValue": "d1", "isOptional": True, "parameterType": "STRING"}
    assert spec["root"]["outputDefinitions"]["parameters"] == {
        "output_0": {"parameterType": "NUMBER_INTEGER"}, "output_1": {"parameterType": "STRING"},
    }


def test_nested_fan_out_and_named_fields(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_grid"])
    outer = spec["components"][spec["root"]["dag"]["tasks"]["loop-1"]["componentRef"]["name"]]
    inner_task = outer["dag"]["tasks"]["loop-2"]
    assert inner_task["inputs"]["parameters"]["pipelinechannel--loop-1-item"] == {"componentInputParameter": "pipelinechannel--loop-1-item"}
    assert outer["dag"]["outputs"]["parameters"]["Output"] == {"valueFromParameter": {"outputParameterKey": "Output", "producerSubtask": "loop-2"}}
    cond = spec["root"]["dag"]["tasks"]["cond-1"]["triggerPolicy"]["condition"]
    assert cond == (
        "inputs.parameter_values['pipelinechannel--summarize--best'] < inputs.parameter_values['pipelinechannel--floor']"
        " || int(inputs.parameter_values['pipelinechannel--summarize--runs']) == 0"
        " || int(inputs.parameter_values['pipelinechannel--summarize--runs']) == 1"
    )


def test_task_options_map_to_kfp(texts: dict[str, str]) -> None:
    spec, platform = documents(texts["mini_churn"])
    root = spec["root"]["dag"]["tasks"]
    assert root["load"]["cachingOptions"] == {"enableCache": True}
    assert root["pick"]["cachingOptions"] == {"enableCache": False}
    assert root["load"]["retryPolicy"]["maxRetryCount"] == 2
    assert "retryPolicy" not in root["pick"]
    resources = spec["deploymentSpec"]["executors"]["exec-load"]["container"]["resources"]
    assert resources["resourceCpuLimit"] == resources["resourceCpuRequest"] == "1"
    assert resources["resourceMemoryLimit"] == "2Gi" and resources["memoryLimit"] == pytest.approx(2.147483648)
    assert platform is not None
    configs = platform["platforms"]["kubernetes"]["deploymentSpec"]["executors"]
    assert configs["exec-train"] == {"activeDeadlineSeconds": "1800"}
    assert configs["exec-publish"]["secretAsVolume"][0]["secretName"] == "registry-token"


def test_env_of_cached_task_is_folded_into_its_inputs(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_churn"])
    loop = spec["components"][spec["root"]["dag"]["tasks"]["loop-1"]["componentRef"]["name"]]
    train = loop["dag"]["tasks"]["train"]
    assert train["inputs"]["parameters"]["flowc-env"] == {"runtimeValue": {"constant": {"MODE": "fast"}}}
    container = spec["deploymentSpec"]["executors"]["exec-train"]["container"]
    assert container["env"] == [{"name": "MODE", "value": "fast"}]
    # publish is not cached: its env is set, but nothing is folded
    assert "flowc-env" not in spec["components"]["comp-publish"]["inputDefinitions"]["parameters"]


def test_python_task_needs_no_kfp_in_the_image(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_churn"])
    container = spec["deploymentSpec"]["executors"]["exec-load"]["container"]
    assert container["command"][:2] == ["python3", "-c"]
    assert container["args"] == ["--executor_input", "{{$}}"]
    compile(container["command"][2], "bootstrap", "exec")
    program = base64.b64decode(container["command"][3]).decode("utf-8")
    assert "import kfp" not in program and "from kfp" not in program and "pip" not in program
    compile(program, "runner", "exec")


def test_packages_are_installed_before_the_runner() -> None:
    program = hand_ir.mini_churn()
    load = program.task("load")
    patched = load.model_copy(update={"options": load.options.model_copy(update={"packages": ("pandas==2.2.3", "x; rm -rf /")})})
    program = program.model_copy(update={"tasks": tuple(patched if t.name == "load" else t for t in program.tasks)})
    spec, _ = documents(compile_text(program, "mini_churn"))
    command = spec["deploymentSpec"]["executors"]["exec-load"]["container"]["command"]
    assert command[:2] == ["python3", "-c"]
    assert "'pip', 'install', '--quiet', '--no-warn-script-location'" in command[2]
    assert "kfp" not in command[2]
    # Packages travel as a JSON list (one pip argument each, no shell), after the runner.
    assert json.loads(base64.b64decode(command[4])) == ["pandas==2.2.3", "x; rm -rf /"]
    compile(command[2], "bootstrap", "exec")


def test_container_placeholders(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_churn"])
    command = spec["deploymentSpec"]["executors"]["exec-publish"]["container"]["command"]
    assert command[3:] == ["{{$.inputs.artifacts['model'].path}}", "{{$.inputs.parameters['tag']}}"]


def test_output_is_deterministic_across_hash_seeds() -> None:
    code = (
        "import sys, hashlib; sys.path.insert(0, '.');"
        "from tests.backends.kfp.hand_ir import mini_report;"
        "from flowc.backends.kfp.backend import KfpBackend;"
        "r = KfpBackend().emit(mini_report(), {});"
        "print(hashlib.sha256(b''.join(r.files[k] for k in sorted(r.files))).hexdigest())"
    )
    digests = {
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                       env={**os.environ, "PYTHONHASHSEED": seed}).stdout
        for seed in ("0", "1", "123")
    }
    assert len(digests) == 1


def test_compile_path_never_imports_kfp() -> None:
    code = (
        "import sys; sys.path.insert(0, '.');"
        "from tests.backends.kfp.hand_ir import mini_churn;"
        "from flowc import api;"
        "r = api.emit(mini_churn(), 'kfp', {});"
        "assert r.files and not r.diagnostics;"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('kfp', 'flytekit', 'airflow', 'google')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_long_default_is_a_located_diagnostic() -> None:
    program = hand_ir.mini_churn()
    pipeline = program.pipelines[0]
    long_param = hand_ir.param("note", STR, "x" * 10_001)
    pipeline = pipeline.model_copy(update={"params": (*pipeline.params, long_param)})
    result = KfpBackend().emit(program.model_copy(update={"pipelines": (pipeline,)}), {})
    assert [d.code for d in result.diagnostics] == ["FLC502"]
    assert result.diagnostics[0].span == long_param.span


def test_oversized_spec_is_a_located_diagnostic() -> None:
    from flowc.ir.model import TaskNode

    program = hand_ir.mini_literal()
    pipeline = program.pipelines[0]
    many = tuple(hand_ir.call(f"gpu_step_{i}", "gpu_step", n=hand_ir.const(i)) for i in range(4000))
    assert all(isinstance(n, TaskNode) for n in many)
    program = program.model_copy(update={"pipelines": (pipeline.model_copy(update={"body": (*pipeline.body, *many)}),)})
    result = KfpBackend().emit(program, {})
    assert [d.code for d in result.diagnostics] == ["FLC501"]
    assert result.diagnostics[0].span == program.pipelines[0].span
    size = len(result.files["mini_literal.yaml"])
    assert KfpBackend().emit(program, {"max_spec_bytes": str(size)}).diagnostics == []
    assert [d.code for d in KfpBackend().emit(program, {"max_spec_bytes": str(size - 1)}).diagnostics] == ["FLC501"]


def test_task_code_over_the_argument_limit_is_a_located_diagnostic() -> None:
    program = hand_ir.mini_churn()
    load = program.task("load")
    assert isinstance(load, PythonTask)
    big = load.model_copy(update={"code": load.code.model_copy(update={"preamble": "# " + "y" * 140_000 + "\n"})})
    program = program.model_copy(update={"tasks": tuple(big if t.name == "load" else t for t in program.tasks)})
    result = KfpBackend().emit(program, {})
    assert [(d.code, d.span) for d in result.diagnostics] == [("FLC503", load.span)]


def test_returning_a_parameter_passes_it_through_an_identity_step() -> None:
    from flowc.ir.model import PipelineResult

    program = hand_ir.mini_churn()
    pipeline = program.pipelines[0]
    bar = pipeline.param("bar")
    assert bar is not None
    results = (PipelineResult(name="output", type=bar.type, binding=hand_ir.p("bar")),)
    pipeline = pipeline.model_copy(update={"results": results, "returns": bar.type})
    result = KfpBackend().emit(program.model_copy(update={"pipelines": (pipeline,)}), {})
    assert result.diagnostics == []
    spec, _ = documents(result.files["mini_churn.yaml"].decode())
    dag = spec["root"]["dag"]
    selector = dag["outputs"]["parameters"]["Output"]["valueFromParameter"]
    step = dag["tasks"][selector["producerSubtask"]]
    assert selector["producerSubtask"] == "flowc--return-output"
    assert step["inputs"] == {"parameters": {"value": {"componentInputParameter": "bar"}}}


def test_options_accept_cli_strings_and_reject_nonsense() -> None:
    program = hand_ir.mini_churn()
    text = compile_text(program, "mini_churn", {"parallelism": "2", "pipeline_root": "gs://b/r"})
    spec, _ = documents(text)
    assert spec["root"]["dag"]["tasks"]["loop-1"]["iteratorPolicy"] == {"parallelismLimit": 2}
    assert spec["defaultPipelineRoot"] == "gs://b/r"
    bad = api.emit(program, "kfp", {"parallelism": "many", "colour": "blue"})
    assert sorted(d.code for d in bad.diagnostics) == ["FLC810", "FLC811"]
    assert not bad.files


@pytest.mark.parametrize("value", ["it's", "a\\b", "line\nbreak", "ünï", "''' && !(x)", 3, 2.5, True, None, [1, "a"]])
def test_condition_literals_read_the_same_in_python(value: Any) -> None:
    text = literal(value)
    python_text = text.replace("true", "True").replace("false", "False").replace("null", "None")
    assert eval(python_text, {"__builtins__": {}}) == value  # noqa: S307 - our own literal


def test_list_defaults_keep_their_element_types(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_grid"])
    assert spec["root"]["inputDefinitions"]["parameters"]["depths"]["defaultValue"] == [2, 3]
    assert json.dumps(spec["root"]["inputDefinitions"]["parameters"]["floor"]["defaultValue"]) == "25.0"


def test_literal_fan_out_after_and_gpu(texts: dict[str, str]) -> None:
    spec, _ = documents(texts["mini_literal"])
    tasks = spec["root"]["dag"]["tasks"]
    assert tasks["loop-1"]["parameterIterator"]["items"] == {"raw": "[1, 2, 3]"}
    assert "loop-1" not in tasks["loop-2"].get("dependentTasks", [])
    assert tasks["total"]["dependentTasks"] == ["loop-1", "loop-2"]
    resources = spec["deploymentSpec"]["executors"]["exec-gpu-step"]["container"]["resources"]
    assert resources["accelerator"] == {"count": "2", "resourceCount": "2", "resourceType": "nvidia.com/gpu", "type": "nvidia.com/gpu"}
    assert resources["resourceCpuLimit"] == "500m" and resources["cpuLimit"] == 0.5


def test_name_kfp_rejects_is_a_located_diagnostic() -> None:
    program = hand_ir.mini_literal()
    long_name = "double_" + "x" * 70
    double = program.task("double").model_copy(update={"name": long_name})
    pipeline = program.pipelines[0]
    loop = pipeline.body[0]
    assert isinstance(loop, LoopNode)
    renamed = loop.model_copy(update={"body": tuple(b.model_copy(update={"task": long_name}) for b in loop.body)})
    body = (renamed, *pipeline.body[1:])
    program = program.model_copy(update={
        "tasks": tuple(double if t.name == "double" else t for t in program.tasks),
        "pipelines": (pipeline.model_copy(update={"body": body}),),
    })
    result = KfpBackend().emit(program, {})
    assert [(d.code, d.span) for d in result.diagnostics] == [("FLC504", double.span)]


def test_defaults_take_their_declared_types() -> None:
    from flowc.ir.types import DictType, FLOAT, ListType

    program = hand_ir.mini_literal()
    pipeline = program.pipelines[0]
    params = (
        hand_ir.param("rates", ListType(item=FLOAT), [1, 2]),
        hand_ir.param("weights", DictType(value=ListType(item=FLOAT)), {"a": [3]}),
        hand_ir.param("scale", FLOAT, 2),
    )
    program = program.model_copy(update={"pipelines": (pipeline.model_copy(update={"params": params}),)})
    spec, _ = documents(compile_text(program, "mini_literal"))
    defaults = {k: v["defaultValue"] for k, v in spec["root"]["inputDefinitions"]["parameters"].items()}
    assert json.dumps(defaults, sort_keys=True) == '{"rates": [1.0, 2.0], "scale": 2.0, "weights": {"a": [3.0]}}'


def test_literals_in_conditions_take_the_compared_type() -> None:
    from flowc.backends.kfp.conditions import render
    from flowc.ir.model import Compare, Not
    from flowc.ir.passes.conditions import NotLowered
    from flowc.ir.types import FLOAT, INT, ListType

    types = {"score": FLOAT, "count": INT, "rates": ListType(item=FLOAT)}

    def input_of(binding: Any) -> Any:
        return "pipelinechannel--" + binding.name, types[binding.name]

    ref = "inputs.parameter_values['pipelinechannel--{}']"
    assert render(Compare(op=">", left=hand_ir.p("score"), right=hand_ir.const(1)), input_of) == ref.format("score") + " > 1.0"
    assert render(Compare(op="==", left=hand_ir.p("count"), right=hand_ir.const(1)), input_of) == f"int({ref.format('count')}) == 1"
    with pytest.raises(NotLowered):  # `in` and `not` are decided by the IR pass, never here
        render(Compare(op="in", left=hand_ir.p("score"), right=hand_ir.const([1, 2])), input_of)
    with pytest.raises(NotLowered):
        render(Not(operand=Compare(op=">", left=hand_ir.p("score"), right=hand_ir.const(1))), input_of)


def test_nested_fan_in_of_artifacts_is_a_located_diagnostic() -> None:
    from flowc.ir.model import LoopItemBinding, LoopNode, PipelineResult
    from flowc.ir.types import INT, ListType

    program = hand_ir.mini_churn()
    inner = LoopNode(
        id="loop_2", var="r", items=hand_ir.p("lrs"), item_type=hand_ir.FLOAT,
        body=(hand_ir.call("train", "train", data=hand_ir.out("load"), lr=LoopItemBinding(loop="loop_2")),),
        result=hand_ir.out("train"), result_type=hand_ir.MODEL,
    )
    outer = LoopNode(
        id="loop_1", var="n", items=hand_ir.const([1, 2]), item_type=INT, body=(inner,),
        result=hand_ir.out("loop_2"), result_type=ListType(item=hand_ir.MODEL), span=hand_ir.span(77),
    )
    pipeline = program.pipelines[0].model_copy(update={
        "body": (hand_ir.call("load", "load"), outer),
        "results": (PipelineResult(name="output", type=ListType(item=ListType(item=hand_ir.MODEL)), binding=hand_ir.out("loop_1")),),
        "returns": ListType(item=ListType(item=hand_ir.MODEL)),
    })
    result = KfpBackend().emit(program.model_copy(update={"pipelines": (pipeline,)}), {})
    assert ("FLC503", hand_ir.span(77)) in [(d.code, d.span) for d in result.diagnostics]
