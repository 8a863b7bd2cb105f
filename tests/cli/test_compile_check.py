"""`flowc compile --check`: writes nothing, exit 1 naming each missing or out-of-date file (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowc import api
from flowc.cli import main
from tests.conftest import EXAMPLES


def _project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.flowc]\npaths = ["churn.py"]\nout = "gen"\ntargets = ["kfp", "airflow"]\n')
    (tmp_path / "churn.py").write_text((EXAMPLES / "churn.py").read_text())
    return tmp_path


def _stale(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, list[tuple[str, int | None]]]:
    capsys.readouterr()
    code = main(["compile", *argv, "--format", "json"])
    found = json.loads(capsys.readouterr().out)
    stale = [d for d in found if d["code"] == "FLC822"]  # not the warnings (churn's schedule on KFP: FLC505)
    return code, [(Path(d["span"]["path"] if d["span"] else d["message"].split()[2]).name, d["span"] and d["span"]["line"]) for d in stale]


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_missing_artifacts_are_named_and_nothing_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    assert main(["compile", "--check"]) == 1
    err = capsys.readouterr().err
    assert "error[FLC822]: generated file " in err
    assert "generated file gen/kfp/churn.yaml is missing" in err  # relative to where flowc ran
    assert "generated file gen/airflow/churn.py is missing" in err
    assert not (tmp_path / "gen").exists()


def test_current_artifacts_pass_and_an_edited_one_is_named_at_its_first_differing_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    assert main(["compile"]) == 0
    assert main(["compile", "--check"]) == 0
    assert "are current" in capsys.readouterr().out
    yaml = tmp_path / "gen" / "kfp" / "churn.yaml"
    lines = yaml.read_text().splitlines(keepends=True)
    lines[4] = "# edited by hand\n"
    yaml.write_text("".join(lines))
    before = _files(tmp_path / "gen")
    assert _stale(capsys, "--check") == (1, [("churn.yaml", 5)])
    assert _files(tmp_path / "gen") == before


def test_a_changed_pipeline_makes_every_artifact_stale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    assert main(["compile"]) == 0
    source = tmp_path / "churn.py"
    source.write_text(source.read_text().replace("bar: float = 0.9", "bar: float = 0.95"))
    code, stale = _stale(capsys, "--check")
    assert code == 1 and sorted(name for name, _ in stale) == ["churn.py", "churn.yaml"]


def test_exit_non_zero_on_change_regenerates_then_passes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    code, stale = _stale(capsys, "--exit-non-zero-on-change")
    assert code == 1 and sorted(stale) == [("churn.py", None), ("churn.schedule.json", None), ("churn.yaml", None)]
    assert (tmp_path / "gen" / "kfp" / "churn.yaml").is_file()
    assert main(["compile", "--exit-non-zero-on-change"]) == 0
    assert main(["compile", "--check"]) == 0


def test_without_paths_or_configured_paths_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flowc]\n")
    monkeypatch.chdir(tmp_path)
    assert main(["compile", "--check"]) == 2
    assert "[tool.flowc] paths" in capsys.readouterr().err


def test_stale_artifacts_is_a_library_function(tmp_path: Path) -> None:
    src = EXAMPLES / "feature_etl.py"
    first = api.stale_artifacts([src], ["kfp"], tmp_path)
    files = [tmp_path / "kfp" / "feature_etl.schedule.json", tmp_path / "kfp" / "feature_etl.yaml"]
    assert [(s.path, s.line) for s in first.stale] == [(f, None) for f in files]
    assert sorted(d.code for d in first.diagnostics) == ["FLC505", "FLC822", "FLC822"]  # its schedule: a warning
    assert not first.ok and not tmp_path.joinpath("kfp").exists()
    assert api.compile_to([src], ["kfp"], tmp_path).ok
    again = api.stale_artifacts([src], ["kfp"], tmp_path)
    assert again.ok and again.stale == [] and again.written == {}


def test_a_leftover_of_a_renamed_pipeline_is_named_when_the_whole_project_is_checked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    assert main(["compile"]) == 0
    source = tmp_path / "churn.py"
    source.write_text(source.read_text().replace("def churn(", "def churn_v2("))
    (tmp_path / "gen" / "kfp" / "notes.txt").write_text("mine, not flowc's\n")
    assert main(["compile"]) == 0  # writes churn_v2.*, removes nothing
    code, stale = _stale(capsys, "--check")
    assert code == 1 and sorted(stale) == [("churn.py", None), ("churn.schedule.json", None), ("churn.yaml", None)]
    text_code = main(["compile", "--check", "--format", "text"])
    text = capsys.readouterr().err
    assert text_code == 1 and "generated file gen/kfp/churn.yaml is a leftover: flowc no longer generates it" in text
    assert "notes.txt" not in text and (tmp_path / "gen" / "kfp" / "churn.yaml").exists()
    assert main(["compile", "--check", "churn.py", "-o", "gen"]) == 0  # a compile of given files cannot tell


def test_exit_non_zero_on_change_names_a_leftover_and_deletes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(_project(tmp_path))
    assert main(["compile"]) == 0
    source = tmp_path / "churn.py"
    source.write_text(source.read_text().replace("def churn(", "def churn_v2("))
    code, stale = _stale(capsys, "--exit-non-zero-on-change")
    assert code == 1 and ("churn.yaml", None) in stale and ("churn_v2.yaml", None) in stale
    (tmp_path / "gen" / "kfp" / "churn.yaml").unlink()
    (tmp_path / "gen" / "kfp" / "churn.schedule.json").unlink()
    (tmp_path / "gen" / "airflow" / "churn.py").unlink()
    assert main(["compile", "--exit-non-zero-on-change"]) == 0
