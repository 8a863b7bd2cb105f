"""Backends are found by name: built-ins, third parties through entry points, clear errors otherwise.

The test-only fourth backend (`tests/backends/fourth_backend.py`) is installed through
the `flowc.backends` entry point and must get everything a built-in gets, with no
edit under `flowc/`: `-t all`, option listing and checking, `[tool.flowc.<name>]`,
capability diagnostics, and `flowc check` running its checks.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowc import api
from flowc.backends import registry
from flowc.cli import main
from flowc.ir.model import Program
from tests.backends.fourth_backend import NAME, install_fourth_backend
from tests.conftest import EXAMPLES

PLAIN = EXAMPLES / "feature_etl.py"  # python tasks only
WITH_CONTAINER = EXAMPLES / "batch_inference.py"  # has a container task


@pytest.fixture
def fourth(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    install_fourth_backend(tmp_path / "site", monkeypatch)


def test_a_backend_that_cannot_load_is_a_diagnostic(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(registry.BUILTIN, "ghost", "flowc.backends.ghost.backend:GhostBackend")
    result = api.emit(Program(), "ghost")
    assert [d.code for d in result.diagnostics] == ["FLC802"]
    assert result.files == {}
    assert main(["targets"]) == 0
    assert "ghost: not available (ghost: No module named 'flowc.backends.ghost')" in capsys.readouterr().out


@pytest.mark.usefixtures("fourth")
def test_fourth_backend_is_part_of_all(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert registry.available()[-1] == NAME
    out = tmp_path / "out"
    assert main(["compile", str(PLAIN), "-t", "all", "-o", str(out)]) == 0
    plan = json.loads((out / NAME / "feature_etl.plan.json").read_text())
    assert plan["pipeline"] == "feature_etl" and plan["steps"]
    assert (out / "kfp" / "feature_etl.yaml").is_file()
    with pytest.raises(SystemExit):
        main(["compile", "--help"])
    assert f"kfp, airflow, flyte, {NAME} or all" in " ".join(capsys.readouterr().out.split())


@pytest.mark.usefixtures("fourth")
def test_fourth_backend_options_are_listed_parsed_and_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["targets"]) == 0
    listing = capsys.readouterr().out
    assert f"{NAME}: each pipeline's plan as JSON" in listing and f"-O {NAME}.indent=<integer>  (default 2)" in listing
    out = tmp_path / "out"
    assert main(["compile", str(PLAIN), "-t", NAME, "-o", str(out), "-O", f"{NAME}.indent=0"]) == 0
    assert (out / NAME / "feature_etl.plan.json").read_text().startswith('{\n"pipeline"')
    capsys.readouterr()
    for flag, code in ((f"{NAME}.indent=wide", "FLC811"), (f"{NAME}.indent=-1", "FLC811"), (f"{NAME}.colour=red", "FLC810")):
        for command in (["check"], ["compile", "-o", str(tmp_path / "x")]):
            assert main([*command, str(PLAIN), "-t", NAME, "-O", flag, "--format", "json"]) == 1
            assert [d["code"] for d in json.loads(capsys.readouterr().out)] == [code]
    assert not (tmp_path / "x").exists()


@pytest.mark.usefixtures("fourth")
def test_fourth_backend_capabilities_are_located_diagnostics_in_check_and_compile(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reports: list[object] = []
    for command in (["check"], ["compile", "-t", "all", "-o", str(tmp_path / "out")]):
        assert main([*command, str(WITH_CONTAINER), "--format", "json"]) == 1
        reports.append(json.loads(capsys.readouterr().out))
    assert reports[0] == reports[1]
    (found,) = [d for d in reports[0] if d["severity"] == "error"]  # type: ignore[misc, union-attr, index]  # airflow warns FLC605 (secrets in python mode)
    assert found["code"] == "FLC812" and found["span"]["path"].endswith("batch_inference.py")  # type: ignore[index]
    assert f"not supported on {NAME}: container task" in found["message"]  # type: ignore[index]
    assert main(["check", str(WITH_CONTAINER), "-O", f"{NAME}.containers=yes"]) == 0


@pytest.mark.usefixtures("fourth")
def test_fourth_backend_options_come_from_tool_flowc(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "pyproject.toml").write_text(f'[tool.flowc]\ntargets = ["{NAME}"]\n\n[tool.flowc.{NAME}]\nindent = 7\n')
    (project / "etl.py").write_text(PLAIN.read_text())
    assert main(["compile", str(project / "etl.py"), "-o", str(tmp_path / "out")]) == 0
    assert '\n       "steps"' in (tmp_path / "out" / NAME / "feature_etl.plan.json").read_text()
    (project / "pyproject.toml").write_text(f'[tool.flowc.{NAME}]\nindent = "seven"\n')
    assert main(["check", str(project / "etl.py"), "-t", NAME]) == 1
