"""A compile never writes over a file it read as input (issue 8 #4)."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from flowc.cli import main

PIPELINE = textwrap.dedent(
    """\
    from flowc import pipeline, task


    @task(image="python:3.12-slim")
    def hello(x: int = 1) -> int:
        return x


    @pipeline
    def p(x: int = 1) -> int:
        return hello(x=x)
    """
)


def _input(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "p.py"
    path.write_text(PIPELINE)
    return path


def test_output_over_the_input_file_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    source = _input(tmp_path / "airflow")  # `-o .` puts the Airflow DAG at ./airflow/p.py: the input
    monkeypatch.chdir(tmp_path)
    assert main(["compile", "airflow/p.py", "-t", "kfp,airflow", "-o", ".", "--format", "json"]) == 1
    found = json.loads(capsys.readouterr().out)
    assert [d["code"] for d in found] == ["FLC821"]
    assert found[0]["span"]["path"] == "airflow/p.py" and found[0]["span"]["line"] == 1
    assert source.read_text() == PIPELINE
    assert not (tmp_path / "kfp").exists()  # nothing written


def test_output_over_an_input_through_a_symlink_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _input(tmp_path / "src")
    (tmp_path / "out" / "airflow").mkdir(parents=True)
    (tmp_path / "out" / "airflow" / "p.py").symlink_to(source)
    assert main(["compile", str(source), "-t", "airflow", "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "FLC821" in err and f"{source}:1:1" in err
    assert source.read_text() == PIPELINE


def test_an_input_inside_the_out_folder_that_is_not_overwritten_is_fine(tmp_path: Path) -> None:
    source = _input(tmp_path)
    assert main(["compile", str(source), "-t", "kfp", "-o", str(tmp_path)]) == 0
    assert (tmp_path / "kfp" / "p.yaml").is_file() and source.read_text() == PIPELINE


def test_deploy_refuses_a_dag_folder_holding_the_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Checked before any server is contacted (port 9 is never an Airflow)."""
    source = _input(tmp_path)
    rc = main(["deploy", str(source), "--url", "http://127.0.0.1:9", "--dags-folder", str(tmp_path), "--token", "t"])
    assert rc == 1
    assert "FLC821" in capsys.readouterr().err
    assert source.read_text() == PIPELINE
