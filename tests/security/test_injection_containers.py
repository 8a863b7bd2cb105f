"""A container command whose text holds KFP's or Flyte's own template syntax is refused
for those engines (they substitute it at run time and have no escape); Airflow, whose
Jinja has one, gets it verbatim."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flowc import api
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


@pytest.mark.parametrize("text", ENGINE_SYNTAX)
@pytest.mark.parametrize(("target", "code"), [("kfp", "FLC503"), ("flyte", "FLC702")])
def test_engine_template_text_in_a_command_is_refused(tmp_path: Path, text: str, target: str, code: str) -> None:
    program = load_source(tmp_path, SOURCE.replace("TEXT", repr(text)))
    diagnostics = api.emit(program, target).diagnostics
    assert [(d.code, d.span.line if d.span else None) for d in diagnostics] == [(code, 6)]
    assert "substitutes at run time" in diagnostics[0].message


@pytest.mark.parametrize("text", ENGINE_SYNTAX + ["echo {{ ds }} {{% if 1 %}}"])
def test_airflow_keeps_the_text_as_a_literal(tmp_path: Path, text: str) -> None:
    program = load_source(tmp_path, SOURCE.replace("TEXT", repr(text)))
    _, dag = emit_one(program, "airflow", {"mode": "kubernetes"})
    literals = [
        ast.literal_eval(call.args[0])
        for call in ast.walk(ast.parse(dag))
        if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "literal"
    ]
    assert text in literals


@pytest.mark.parametrize("target", ["kfp", "flyte"])
def test_braces_that_are_no_engine_syntax_are_accepted(tmp_path: Path, target: str) -> None:
    program = load_source(tmp_path, SOURCE.replace("TEXT", repr("echo '{{x}}' $((1+2))")))
    assert not api.emit(program, target).diagnostics
