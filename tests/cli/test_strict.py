"""Warnings: their own rendering in every format, never failing a check or compile unless strict."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest

from flowc.cli import main
from tests.cli.own_process import flowc

# A scheduled pipeline: on KFP its schedule is not part of the spec (FLC505, a warning).
SCHEDULED = '''
from flowc import pipeline, task


@task
def one() -> int:
    return 1


@pipeline(schedule="0 3 * * *")
def nightly() -> int:
    return one()
'''


def _project(tmp_path: Path, strict: bool | None = None) -> Path:
    (tmp_path / "nightly.py").write_text(textwrap.dedent(SCHEDULED))
    setting = "" if strict is None else f"strict = {'true' if strict else 'false'}\n"
    (tmp_path / "pyproject.toml").write_text('[tool.flowc]\ntargets = ["kfp"]\n' + setting)
    return tmp_path / "nightly.py"


def test_a_warning_alone_passes_check_and_compile(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path)
    assert main(["check", "--no-cache", str(path)]) == 0
    out = capsys.readouterr()
    assert f"{path}:11:5: warning[FLC505]" in out.err and "error[" not in out.err
    assert out.out.strip().endswith("task(s): ok, 1 warning(s)")
    assert main(["compile", str(path), "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "kfp" / "nightly.schedule.json").is_file()


def test_strict_fails_on_a_warning_and_compile_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path)
    assert main(["check", "--no-cache", "--strict", str(path)]) == 1
    err = capsys.readouterr().err
    assert "warning[FLC505]" in err and err.strip().endswith("1 warning(s) (strict: warnings fail)")
    assert main(["compile", "--strict", str(path), "-o", str(tmp_path / "out")]) == 1
    assert not (tmp_path / "out").exists()


def test_tool_flowc_strict_is_the_default_of_strict(tmp_path: Path) -> None:
    path = _project(tmp_path, strict=True)
    assert main(["check", "--no-cache", str(path)]) == 1
    assert main(["compile", str(path), "-o", str(tmp_path / "out")]) == 1
    _project(tmp_path, strict=False)
    assert main(["check", "--no-cache", str(path)]) == 0


def test_cached_check_replays_strict_and_lenient_runs_apart(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path)
    for _ in range(2):  # the second round is replayed from the check cache
        assert main(["check", "--strict", str(path)]) == 1
        assert main(["check", str(path)]) == 0
    assert capsys.readouterr().out.count("ok, 1 warning(s)") == 2


def test_every_format_renders_a_warning_as_a_warning(tmp_path: Path) -> None:
    # Each format's whole output is compared: flowc runs in a process of its own (own_process.py says why).
    path = _project(tmp_path)
    done = flowc(["check", "--no-cache", "--format", "json", str(path)])
    assert done.returncode == 0, done.stderr
    [item] = json.loads(done.stdout)
    assert (item["code"], item["severity"]) == ("FLC505", "warning")
    done = flowc(["check", "--no-cache", "--format", "github", str(path)])
    assert done.returncode == 0 and done.stdout.startswith(f"::warning file={path},line=11,col=5,"), done
    done = flowc(["check", "--no-cache", "--format", "sarif", str(path)])
    assert done.returncode == 0, done.stderr
    run = json.loads(done.stdout)["runs"][0]
    assert [r["level"] for r in run["results"]] == ["warning"]
    assert run["tool"]["driver"]["rules"][0]["defaultConfiguration"] == {"level": "warning"}
    assert flowc(["check", "--no-cache", "--format", "sarif", "--strict", str(path)]).returncode == 1
