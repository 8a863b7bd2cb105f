"""`[tool.flowc]`: unknown keys, tables of no backend and bad backend options are located diagnostics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowc.cli import main
from tests.conftest import EXAMPLES


def _project(tmp_path: Path, pyproject: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "etl.py").write_text((EXAMPLES / "feature_etl.py").read_text())
    return tmp_path / "etl.py"


def _diagnostics(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[tuple[str, int | None, str, str]]:
    assert main([*argv, "--format", "json"]) == 1
    return [
        (d["code"], d["span"]["line"] if d["span"] else None, d["message"], d["hint"])
        for d in json.loads(capsys.readouterr().out)
    ]


@pytest.mark.parametrize("command", ["check", "compile"])
def test_a_typo_in_tool_flowc_is_located_and_lists_the_valid_keys(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path, '[tool.flowc]\nout = "gen"\ntarget = ["kfp"]\n\n[tool.flowc.nomad]\nx = 1\n')
    got = _diagnostics([command, str(path)], capsys)
    assert [(code, line, message) for code, line, message, _ in got] == [
        ("FLC806", 3, "bad [tool.flowc] setting: unknown key 'target'"),
        ("FLC806", 5, "bad [tool.flowc] setting: unknown table [tool.flowc.nomad] (no such backend)"),
    ]
    assert got[0][3].startswith("did you mean 'targets'? valid keys: image, out, packages, paths, root, targets")
    assert "[tool.flowc.kfp], [tool.flowc.airflow], [tool.flowc.flyte]" in got[1][3]
    assert not (tmp_path / "gen").exists()


def test_backend_option_problems_in_pyproject_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, '[tool.flowc.airflow]\nmode = "kubernetes"\nmax_map_length = "1e400"\ncolour = 1\n\n[tool.flowc.flyte]\nbogus = 1\n')
    got = _diagnostics(["check", str(path)], capsys)
    assert [(code, line) for code, line, _, _ in got] == [("FLC811", 3), ("FLC810", 4), ("FLC810", 7)]
    assert got[1][3] == "valid options: mode, artifact_root, max_map_length, namespace, artifact_pvc, tags, result_cache"
    assert got[2][2] == "the flyte backend has no option 'bogus'"


def test_a_flag_overrides_a_bad_table_value(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, '[tool.flowc.airflow]\nmax_map_length = "wide"\n')
    assert main(["check", str(path), "-O", "airflow.max_map_length=9"]) == 0
    capsys.readouterr()
    got = _diagnostics(["check", str(path), "-O", "airflw.mode=python"], capsys)
    assert [d[:3] for d in got] == [("FLC801", None, "unknown target 'airflw'"), ("FLC811", 2, "airflow option 'max_map_length': expected a whole number, got 'wide'")]


def test_bad_option_values_never_end_in_an_internal_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, "")
    for flag in ("airflow.max_map_length=1e400", "airflow.tags=[1", "kfp.parallelism=nan", "flyte.package=maybe"):
        got = _diagnostics(["compile", str(path), "-t", "all", "-o", str(tmp_path / "out"), "-O", flag], capsys)
        assert [code for code, *_ in got if code not in ("FLC705", "FLC505")] == ["FLC811"], flag  # not the warnings
