"""Text from file and module names reaches the artifacts' comments and docstrings only
through the escaping renderers: no name can add a key or a statement."""

from __future__ import annotations

import ast
import subprocess
from pathlib import Path

import pytest

from tests.backends.airflow.harness import PYTHON, airflow_env, session_home
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


_READ_DOC_MD = """
import sys
from airflow.dag_processing.dagbag import DagBag
bag = DagBag(dag_folder=sys.argv[1])
print("DOC-MD " + repr(bag.dags["keyed"].doc_md))
"""


@pytest.mark.engine
def test_a_docstring_never_makes_airflow_read_a_file(tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("SECRET CONTENT", encoding="utf-8")
    program = load_source(tmp_path, SOURCE.replace("def keyed() -> int:\n", f"def keyed() -> int:\n    {str(secret)!r}\n"))
    name, text = emit_one(program, "airflow")
    dags = tmp_path / "dags"
    dags.mkdir()
    (dags / name).write_text(text, encoding="utf-8")
    home = session_home()
    done = subprocess.run([PYTHON, "-c", _READ_DOC_MD, str(dags)], capture_output=True, text=True, env=airflow_env(home, dags), timeout=300)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith("DOC-MD ")), None)
    assert line is not None, done.stderr[-3000:]
    doc_md = ast.literal_eval(line.removeprefix("DOC-MD "))
    assert "SECRET" not in doc_md and doc_md.strip() == str(secret)
