"""Text from file and module names reaches the artifacts' comments and docstrings only
through the escaping renderers: no name can add a key or a statement."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.backends.kfp.kfp_check import documents, strict_parse
from tests.security.injection_cases import emit_one, load_source

SOURCE = """
from flowc import pipeline, task


@task(image='python:3.12-slim')
def one() -> int:
    return 1


@pipeline
def keyed() -> int:
    return one()
"""

HOSTILE_NAMES = ["x\nsdkVersion: hacked.py", "x\rsdkVersion: hacked.py", "x\x85sdkVersion: hacked.py", "x\u2028sdkVersion: hacked.py"]


@pytest.mark.parametrize("file_name", HOSTILE_NAMES, ids=["lf", "cr", "nel", "ls"])
def test_module_name_cannot_set_a_kfp_key(tmp_path: Path, file_name: str) -> None:
    program = load_source(tmp_path, SOURCE, file_name)
    _, text = emit_one(program, "kfp")
    spec, platform = documents(text)
    assert platform is None
    assert "sdkVersion" not in spec
    strict_parse(text)
    assert text.split("\n", 1)[0].startswith("# PIPELINE DEFINITION")
    assert "sdkVersion" not in text.split("\n", 1)[1]


@pytest.mark.parametrize("target", ["airflow", "flyte"])
@pytest.mark.parametrize("file_name", HOSTILE_NAMES, ids=["lf", "cr", "nel", "ls"])
def test_module_name_cannot_add_python(tmp_path: Path, file_name: str, target: str) -> None:
    program = load_source(tmp_path, SOURCE, file_name)
    _, text = emit_one(program, target)
    tree = ast.parse(text)
    doc = ast.get_docstring(tree, clean=False) or ""
    assert not any(isinstance(node, ast.AnnAssign) for node in tree.body), "a name became a statement"
    assert "sdkVersion: hacked" in doc or target == "flyte"
