"""Property: any string (every Unicode category, separators, controls; no lone
surrogates, which no file can hold) in a default, a docstring, an env value or a
container argument compiles to artifacts that parse, and reaches them unchanged."""

from __future__ import annotations

import ast
import inspect
import re
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from flowc import api
from flowc.backends.airflow.render import markdown_text
from flowc.ir.model import Program
from tests.backends.kfp.kfp_check import documents, strict_parse

TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=24)
# Braces in a container argument are flowc's own `{name}` placeholders.
ARG = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="{}"), max_size=24)
HOSTILE = "{{$}} {{ ds }}{% raw %} {{.inputs.x}}\u2028\x85\x0c\r\n\\ ''' \"\"\" # x: y"
SOURCE = """
from flowc import container_task, pipeline, task


@task(image='python:3.12-slim', env={'USER_TEXT': __ENV__})
def first(x: str) -> str:
    __DOC__
    return x


@container_task(image='busybox:1.36', command=['echo', __ARG__, '{x}'])
def shout(x: str) -> None: ...


@pipeline
def prop(x: str = __DEFAULT__) -> str:
    __DOC__
    shout(x=x)
    return first(x=x)
"""


def raw_literal(value: str) -> str:
    """A string literal holding `value`'s characters as they are (separators, controls,
    any script), escaping only what a source line cannot hold, as a person's file would."""
    escapes = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\x00": "\\x00"}
    return "'" + "".join(escapes.get(ch, ch) for ch in value) + "'"


def _program(default: str, doc: str, env: str, arg: str) -> Program:
    values = {"DEFAULT": default, "DOC": doc, "ENV": env, "ARG": arg}
    text = re.sub(r"__([A-Z]+)__", lambda m: raw_literal(values[m.group(1)]), SOURCE)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "prop_flow.py"
        path.write_text(text, encoding="utf-8", newline="")
        loaded = api.load([path], root=folder)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def _artifact(program: Program, target: str, options: dict[str, Any] | None = None) -> str:
    result = api.emit(program, target, options)
    assert not [d for d in result.diagnostics if d.code != "FLC705"], result.diagnostics  # FLC705: the image may lack flytekit
    ((_, data),) = result.files.items()
    return data.decode("utf-8")


def _check_kfp(program: Program, default: str, env: str, arg: str) -> None:
    text = _artifact(program, "kfp")
    strict_parse(text)
    spec, _ = documents(text)
    assert spec["root"]["inputDefinitions"]["parameters"]["x"]["defaultValue"] == default
    assert spec["pipelineInfo"].get("description", "") == (program.pipeline("prop").doc or "")
    executors = spec["deploymentSpec"]["executors"]
    assert executors["exec-first"]["container"]["env"] == [{"name": "USER_TEXT", "value": env}]
    assert executors["exec-shout"]["container"]["command"][1] == arg


def _constants(tree: ast.AST) -> list[object]:
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant)]


def _check_airflow(program: Program, default: str, env: str, arg: str) -> None:
    for mode in ("python", "kubernetes"):
        tree = ast.parse(_artifact(program, "airflow", {"mode": mode}))
        compile(tree, "dag", "exec")
        params = [n for n in ast.walk(tree) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "Param"]
        assert [ast.literal_eval(p.args[0]) for p in params] == [default]
        doc_md = [k.value for n in ast.walk(tree) if isinstance(n, ast.Call) for k in n.keywords if k.arg == "doc_md"]
        doc = program.pipeline("prop").doc
        assert [ast.literal_eval(d) for d in doc_md][:1] == ([markdown_text(doc)] if doc else [])
        if mode == "kubernetes":
            constants = _constants(tree)
            assert env in constants and arg in constants


def _check_flyte(program: Program, default: str, env: str, arg: str) -> None:
    tree = ast.parse(_artifact(program, "flyte"))
    compile(tree, "module", "exec")
    (workflow,) = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "prop"]
    assert [ast.literal_eval(d) for d in workflow.args.defaults] == [default]
    doc = program.pipeline("prop").doc
    if doc:
        assert inspect.cleandoc(ast.get_docstring(workflow, clean=False) or "") == inspect.cleandoc(doc)
    keywords = {k.arg: k.value for n in ast.walk(tree) if isinstance(n, ast.Call) for k in n.keywords}
    assert ast.literal_eval(keywords["environment"]) == {"USER_TEXT": env}
    assert ast.literal_eval(keywords["command"])[1] == arg


@pytest.mark.slow
# Bounded and deterministic for CI: no shrinking (a failure is reported as generated).
@settings(max_examples=50, deadline=None, derandomize=True, phases=[Phase.explicit, Phase.generate],
          suppress_health_check=[HealthCheck.too_slow])
@given(default=TEXT, doc=TEXT, env=TEXT, arg=ARG)
@example(default=HOSTILE, doc=HOSTILE, env=HOSTILE, arg=HOSTILE.replace("{", "(").replace("}", ")"))
def test_any_string_reaches_every_artifact_unchanged(default: str, doc: str, env: str, arg: str) -> None:
    program = _program(default, doc, env, arg)
    _check_kfp(program, default, env, arg)
    _check_airflow(program, default, env, arg)
    _check_flyte(program, default, env, arg)
