"""Step keys in KFP specs: each cached call carries its Merkle key as an input KFP's
fingerprint hashes, so an edit upstream re-runs what is downstream of it on kfp.local."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from flowc import api
from flowc.backends.kfp.components import FLOWC_ENV_INPUT, FLOWC_STEP_KEY_INPUT
from flowc.ir.model import Pipeline, PipelineNode, Program, TaskNode, iter_nodes
from flowc.ir.passes.step_keys import in_context
from tests.backends.kfp.local_run import run_spec

SOURCE = '''
from flowc import pipeline, task


@task(cache=True)
def base(n: int) -> int:
    return n + 1


@task(cache=True, env={"MODE": "fast"})
def grow(x: int) -> int:
    return x * 10


@task(cache=True)
def other(n: int) -> int:
    return n - 1


@task(cache=True)
def add(a: int, b: int) -> int:
    return a + b


@task
def show(x: int) -> str:
    return str(x)


@pipeline
def twice(x: int) -> int:
    return grow(x=x)


@pipeline
def keyed(n: int = 2) -> int:
    total = add(a=grow(x=base(n=n)), b=other(n=n))
    show(x=total)
    return total


@pipeline
def nested(n: int = 2) -> int:
    return add(a=twice(x=base(n=n)), b=twice(x=other(n=n)))
'''
# Same output value, different code: base's own key changes, and everything downstream of it.
EDITED = SOURCE.replace("return n + 1", "return 1 + n")


def _program(tmp_path: Path, source: str) -> Program:
    """As written (each call its own step: fusion is tested elsewhere), keyed."""
    path = tmp_path / "keyed.py"
    path.write_text(source)
    loaded = api.load([path], root=tmp_path, optimize=False)
    assert loaded.ok, loaded.diagnostics
    return loaded.program


def _spec(program: Program, name: str) -> dict[str, Any]:
    result = api.emit(program, "kfp", {})
    assert not result.diagnostics, result.diagnostics
    return next(yaml.safe_load_all(result.files[f"{name}.yaml"]))


def _step_keys(spec: dict[str, Any]) -> dict[str, str]:
    """`component/task` -> the flowc-step-key constant of every task of every DAG."""
    dags = {"root": spec["root"], **{k: v for k, v in spec["components"].items() if "dag" in v}}
    out: dict[str, str] = {}
    for owner, component in dags.items():
        for name, task in component["dag"]["tasks"].items():
            value = task.get("inputs", {}).get("parameters", {}).get(FLOWC_STEP_KEY_INPUT)
            if value is not None:
                out[f"{owner}/{name}"] = value["runtimeValue"]["constant"]
    return out


def _node(pipeline: Pipeline, node_id: str) -> TaskNode | PipelineNode:
    node = next(n for n in iter_nodes(pipeline.body) if n.id == node_id)
    assert isinstance(node, (TaskNode, PipelineNode))
    return node


def test_each_cached_call_carries_its_step_key_and_declares_it(tmp_path: Path) -> None:
    program = _program(tmp_path, SOURCE)
    spec = _spec(program, "keyed")
    keyed = program.pipeline("keyed")
    tasks = spec["root"]["dag"]["tasks"]
    for name in ("base", "grow", "other", "add"):
        constant = tasks[name]["inputs"]["parameters"][FLOWC_STEP_KEY_INPUT]["runtimeValue"]["constant"]
        assert constant == _node(keyed, name).cache_key
        component = spec["components"][tasks[name]["componentRef"]["name"]]
        assert component["inputDefinitions"]["parameters"][FLOWC_STEP_KEY_INPUT] == {"parameterType": "STRING"}
    # not cached: KFP never fingerprints it, so nothing is added
    assert FLOWC_STEP_KEY_INPUT not in tasks["show"]["inputs"]["parameters"]
    # the step key covers env: it is not folded in as well (only in hand-built IR without keys: test_spec.py)
    assert FLOWC_ENV_INPUT not in tasks["grow"]["inputs"]["parameters"]


def test_an_upstream_edit_changes_the_fingerprinted_inputs_downstream_only(tmp_path: Path) -> None:
    before = _step_keys(_spec(_program(tmp_path, SOURCE), "keyed"))
    after = _step_keys(_spec(_program(tmp_path, EDITED), "keyed"))
    assert {k for k in before if before[k] != after[k]} == {"root/base", "root/grow", "root/add"}


def test_a_sub_pipeline_s_steps_are_keyed_by_each_call(tmp_path: Path) -> None:
    program = _program(tmp_path, SOURCE)
    keys = _step_keys(_spec(program, "nested"))
    inner = {k: v for k, v in keys.items() if k.endswith("/grow")}
    assert len(inner) == 2 and len(set(inner.values())) == 2  # the same step, two calls, two keys
    nested, twice = program.pipeline("nested"), program.pipeline("twice")
    inner_key = _node(twice, "grow").cache_key
    assert inner_key is not None
    calls = [_node(nested, i).cache_key for i in ("twice", "twice_2")]
    assert set(inner.values()) == {in_context(c, inner_key) for c in calls}
    edited = _step_keys(_spec(_program(tmp_path, EDITED), "nested"))
    changed = {k for k in keys if keys[k] != edited[k]}
    assert changed == {"root/base", "root/add", next(k for k in inner if inner[k] == in_context(calls[0], inner_key))}


def test_a_label_is_the_display_name_and_the_task_key_stays(tmp_path: Path) -> None:
    program = _program(tmp_path, SOURCE)
    keyed = program.pipeline("keyed")

    def labelled(node: object) -> object:
        return node.model_copy(update={"label": "base+grow"}) if isinstance(node, TaskNode) and node.id == "base" else node

    body = tuple(labelled(n) for n in keyed.body)
    program = program.model_copy(update={"pipelines": tuple(
        p.model_copy(update={"body": body}) if p.name == "keyed" else p for p in program.pipelines
    )})
    tasks = _spec(program, "keyed")["root"]["dag"]["tasks"]
    assert tasks["base"]["taskInfo"] == {"name": "base+grow"}
    assert tasks["grow"]["taskInfo"] == {"name": "grow"}


@pytest.mark.engine
@pytest.mark.usefixtures("kfp_local_env")
def test_kfp_local_reuses_results_and_reruns_downstream_of_an_edit(tmp_path: Path) -> None:
    """kfp.local (2.17) has a cache: key = component name, image, command + args, argument values, env."""
    specs = tmp_path / "specs"
    specs.mkdir()
    original, edited = specs / "keyed.yaml", specs / "edited.yaml"
    original.write_bytes(api.emit(_program(tmp_path, SOURCE), "kfp", {}).files["keyed.yaml"])
    edited.write_bytes(api.emit(_program(tmp_path, EDITED), "kfp", {}).files["keyed.yaml"])
    root = tmp_path / "root"
    outputs, first = run_spec(original, {}, root, caching=True)
    assert outputs == {"output": 31}
    assert {k: first[k] for k in ("exec-base", "exec-grow", "exec-other", "exec-add")} == dict.fromkeys(
        ("exec-base", "exec-grow", "exec-other", "exec-add"), 1
    )
    outputs, second = run_spec(original, {}, root, caching=True)
    assert outputs == {"output": 31}
    assert dict(second) == {"exec-show": 1}  # every cached step served from the cache
    outputs, third = run_spec(edited, {}, root, caching=True)
    assert outputs == {"output": 31}
    # base's code changed; grow gets the same value (3) from it yet is downstream: it re-runs, and add too
    assert dict(third) == {"exec-base": 1, "exec-grow": 1, "exec-add": 1, "exec-show": 1}
