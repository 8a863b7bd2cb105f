"""`flowc graph` end to end: formats, one pipeline, -O0, SVG through Graphviz, located errors, light imports."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from flowc import api
from flowc.graph import GraphFormat, render
from flowc.ir.model import Program
from tests.cli.own_process import capsys, main  # noqa: F401  (capsys: the fixture)
from tests.conftest import EXAMPLE_FILES, EXAMPLES

ROOT = Path(__file__).resolve().parents[2]
WEEKLY = str(EXAMPLE_FILES["weekly_report"])



def _program(path: str, optimize: bool = True) -> Program:
    loaded = api.load([path], root=EXAMPLES, optimize=optimize)
    assert loaded.ok
    return loaded.program


@pytest.mark.parametrize("fmt", ["mermaid", "dot"])
def test_graph_prints_the_drawing_of_every_pipeline(capsys: pytest.CaptureFixture[str], fmt: GraphFormat) -> None:
    assert main(["graph", WEEKLY, "--root", str(EXAMPLES), "--format", fmt]) == 0
    out = capsys.readouterr().out
    assert out == render(_program(WEEKLY), fmt)
    assert "pipeline region_report" in out and "pipeline weekly_report" in out


def test_mermaid_is_the_default_and_pipeline_picks_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", WEEKLY, "--root", str(EXAMPLES), "--pipeline", "region_report"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("flowchart TB\n")
    assert out == render(_program(WEEKLY), "mermaid", "region_report")
    assert "weekly_report" not in out


@pytest.mark.parametrize("flag", ["-O0", "--no-optimize"])
def test_O0_draws_the_program_unfused(capsys: pytest.CaptureFixture[str], flag: str) -> None:
    path = str(EXAMPLE_FILES["feature_etl"])
    assert main(["graph", path, flag]) == 0
    out = capsys.readouterr().out
    assert out == render(_program(path, optimize=False), "mermaid")
    assert "fused:" not in out
    assert main(["graph", path]) == 0
    assert "fused: parse+clean+featurize+summarize" in capsys.readouterr().out


def test_an_unknown_pipeline_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", WEEKLY, "--root", str(EXAMPLES), "--pipeline", "nope"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error[FLC807]: no pipeline 'nope' in the files given" in captured.err
    assert "hint: pipelines: region_report, weekly_report" in captured.err


def test_a_broken_file_reports_its_diagnostics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from flowc import pipeline\n\n@pipeline\ndef p(n: int) -> int:\n    return undefined_name\n")
    assert main(["graph", str(bad)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{bad}:5:" in captured.err


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
def test_svg_through_graphviz(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["graph", WEEKLY, "--root", str(EXAMPLES), "--format", "svg"]) == 0
    svg = ET.fromstring(capsys.readouterr().out)
    assert svg.tag == "{http://www.w3.org/2000/svg}svg"
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {"pipeline weekly_report", "for r in regions", "fetch_sales", "if mode == 'full'"} <= texts


def test_svg_without_graphviz_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # a PATH with no `dot` on it
    assert main(["graph", WEEKLY, "--root", str(EXAMPLES), "--format", "svg"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "error[FLC830]: `--format svg` needs Graphviz's `dot` program, which is not on PATH" in captured.err
    assert "hint: install Graphviz" in captured.err


def test_graph_imports_neither_the_reader_nor_a_backend() -> None:
    code = (
        "import sys, flowc.graph\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('flowc.dsl.reader', 'flowc.backends', 'flowc.api', "
        "'flowc.codegen', 'libcst', 'kfp', 'airflow', 'flytekit', 'pydantic')))\n"
        "print(bad)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "[]"
