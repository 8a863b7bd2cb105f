"""The `flowc` command end to end: exit codes, formats, atomic output, light imports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from flowc.cli import main
from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]

BAD = textwrap.dedent(
    """\
    from flowc import pipeline, task

    @task
    def double(x: int) -> int:
        return 2 * x

    @pipeline
    def bad(n: int = 1) -> int:
        y = double(x=n) + 1
        return double(x="three")
    """
)


def _bad_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.py"
    path.write_text(BAD)
    return path


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("flowc ")
    assert main([]) == 2


def test_check_examples_is_clean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(EXAMPLES)]) == 0
    assert "ok" in capsys.readouterr().out


def test_check_reports_every_error_with_location_caret_and_hint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _bad_file(tmp_path)
    assert main(["check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:9:9: error[FLC102]" in err
    assert f"{path}:10:21: error[FLC201]" in err
    assert "^" in err and "= hint:" in err
    assert "Traceback" not in err


def _flowc(*args: str) -> subprocess.CompletedProcess[str]:
    """The CLI in its own process: stdout exactly as CI tooling would read it."""
    return subprocess.run([sys.executable, "-m", "flowc.cli", *args], capture_output=True, text=True, cwd=ROOT, timeout=120)


def test_check_json_and_github_formats(tmp_path: Path) -> None:
    path = _bad_file(tmp_path)
    as_json = _flowc("check", "--format", "json", str(path))
    assert as_json.returncode == 1
    items = json.loads(as_json.stdout)
    assert [(d["code"], d["span"]["line"], d["span"]["col"]) for d in items] == [("FLC102", 9, 9), ("FLC201", 10, 21)]
    as_github = _flowc("check", "--format", "github", str(path))
    assert as_github.returncode == 1
    lines = as_github.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"::error file={path},line=9,col=9,")
    assert lines[1].startswith(f"::error file={path},line=10,col=21,")


def test_missing_path_is_a_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(tmp_path / "nope.py")]) == 1
    assert "error[FLC001]" in capsys.readouterr().err


def test_unknown_target_is_an_error_and_writes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["compile", str(EXAMPLES / "feature_etl.py"), "--target", "nomad", "-o", str(out)]) == 1
    assert "error[FLC801]: unknown target 'nomad'" in capsys.readouterr().err
    assert not out.exists()


def test_failed_compile_leaves_older_outputs_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "bad.yaml").write_text("older output")
    assert main(["compile", str(_bad_file(tmp_path)), "--target", "kfp", "-o", str(out)]) == 1
    assert [p.name for p in out.iterdir()] == ["bad.yaml"]
    assert (out / "bad.yaml").read_text() == "older output"


def test_bad_option_syntax_is_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rc = main(["compile", str(EXAMPLES / "feature_etl.py"), "-t", "kfp", "-o", str(tmp_path), "-O", "mode=python"])
    assert rc == 2
    assert "TARGET.KEY=VALUE" in capsys.readouterr().err


def test_tool_flowc_config_sets_default_targets_and_out(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    project.mkdir()
    (project / "pyproject.toml").write_text('[tool.flowc]\ntargets = ["nomad"]\nout = "gen"\n')
    (project / "etl.py").write_text((EXAMPLES / "feature_etl.py").read_text())
    assert main(["compile", str(project / "etl.py")]) == 1  # the configured target is used (and unknown)


def test_bad_config_is_a_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flowc\n")
    (tmp_path / "etl.py").write_text("")
    assert main(["check", str(tmp_path / "etl.py")]) == 1
    assert "error[FLC806]" in capsys.readouterr().err


def test_ir_schema_is_exported_and_current(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ir", "--schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads((ROOT / "docs" / "ir.schema.json").read_text())
    assert "Pipeline" in printed["$defs"]


def test_ir_prints_the_program(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ir", str(EXAMPLES / "feature_etl.py")]) == 0
    program = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in program["pipelines"]] == ["feature_etl"]


LIGHT_IMPORTS = """
import sys
from flowc.cli import main
rc = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split('.')[0] in {'kfp', 'flytekit', 'airflow'})
print("RESULT", rc, heavy)
"""


@pytest.mark.parametrize("command", [["check"], ["compile", "--target", "all", "-o", "{out}"]])
def test_check_and_compile_never_import_an_engine(command: list[str], tmp_path: Path) -> None:
    argv = [a.replace("{out}", str(tmp_path / "out")) for a in command] + [str(EXAMPLES)]
    proc = subprocess.run(
        [sys.executable, "-c", LIGHT_IMPORTS, *argv], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert proc.stdout.splitlines()[-1] == "RESULT 0 []", proc.stdout + proc.stderr


def test_config_is_found_from_a_folder_argument(tmp_path: Path) -> None:
    project = tmp_path / "proj"
    (project / "pipelines").mkdir(parents=True)
    (project / "pipelines" / "pyproject.toml").write_text('[tool.flowc]\ntargets = ["nomad"]\n')
    (project / "pipelines" / "etl.py").write_text((EXAMPLES / "feature_etl.py").read_text())
    assert main(["compile", str(project / "pipelines"), "-o", str(tmp_path / "out")]) == 1  # configured, unknown target
