"""Container command text that holds KFP's or Flyte's own template syntax arrives verbatim.

KFP and Flyte substitute their placeholders anywhere in a container's command and have
no escape; the backends cut such literal text so that no single argument holds the
engine's marker, and the command joins the pieces back (`codegen/command_join.py`;
run on the engines by the `containers` construct programs). Airflow's Jinja is
escaped with `literal(...)` instead. In the pipeline file the text is written as a
command template, braces doubled.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from flowc import api
from flowc.ir.command import TextPart, template_text
from tests.security.injection_cases import emit_one, load_source

SOURCE = """
from flowc import container_task, pipeline


@container_task(image='busybox:1.36', command=['sh', '-c', TEXT, '{x}'])
def run(x: str) -> None: ...


@pipeline
def contained(x: str = 'a') -> None:
    run(x=x)
"""

ENGINE_SYNTAX = ["echo {{$.inputs.parameters['x']}}", "echo {{$}}", "echo {{.inputs.x}}", "echo {{ .Inputs.x }}"]
_FLOWC_PLACEHOLDER = re.compile(r"\{\{\$\.inputs\.parameters\['x'\]\}\}")


def _source(text: str) -> str:
    return SOURCE.replace("TEXT", repr(template_text(((TextPart(text=text),)))))


@pytest.mark.parametrize("text", ENGINE_SYNTAX)
def test_engine_template_text_never_reaches_kfp_whole(tmp_path: Path, text: str) -> None:
    program = load_source(tmp_path, _source(text))
    result = api.emit(program, "kfp")
    assert result.diagnostics == []
    spec = next(yaml.safe_load_all(result.files["kfp/contained.yaml" if "kfp/contained.yaml" in result.files else "contained.yaml"]))
    container = spec["deploymentSpec"]["executors"]["exec-run"]["container"]
    for part in [*container["command"], *container.get("args", [])]:
        assert "{{$" not in _FLOWC_PLACEHOLDER.sub("", part), part


@pytest.mark.parametrize("text", ENGINE_SYNTAX)
def test_engine_template_text_is_accepted_for_flyte(tmp_path: Path, text: str) -> None:
    program = load_source(tmp_path, _source(text))
    assert api.emit(program, "flyte").diagnostics == []


@pytest.mark.parametrize("text", ENGINE_SYNTAX + ["echo {{ ds }} {% if 1 %}"])
def test_airflow_keeps_the_text_as_a_literal(tmp_path: Path, text: str) -> None:
    program = load_source(tmp_path, _source(text))
    _, dag = emit_one(program, "airflow", {"mode": "kubernetes"})
    literals = [
        ast.literal_eval(call.args[0])
        for call in ast.walk(ast.parse(dag))
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "literal"
    ]
    assert text in literals
