"""`-O0` / `--no-optimize` / `[tool.flowc] optimize = false` turn the optimizer's passes off.

`-O` also names backend options (`-O airflow.max_map_length=2000`): a level (`-O0`,
`-O2`) is told apart by being all digits, and anything else keeps today's option rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowc.cli import main
from flowc.config import split_optimization_levels
from flowc.ir import passes
from flowc.ir.model import Program
from tests.conftest import EXAMPLES

ETL = EXAMPLES / "feature_etl.py"


class _Recorder:
    """A pass standing in for the optimizer's: counts its runs and changes nothing."""

    def __init__(self) -> None:
        self.runs = 0

    def __call__(self, program: Program) -> Program:
        self.runs += 1
        return program


@pytest.fixture
def recorder(monkeypatch: pytest.MonkeyPatch) -> _Recorder:
    spy = _Recorder()
    monkeypatch.setattr(passes, "PASSES", (spy,))
    return spy


def _project(tmp_path: Path, pyproject: str) -> Path:
    (tmp_path / "pyproject.toml").write_text(pyproject)
    (tmp_path / "etl.py").write_text(ETL.read_text())
    return tmp_path / "etl.py"


def test_levels_are_told_apart_from_backend_options() -> None:
    assert split_optimization_levels([]) == ([], None)
    assert split_optimization_levels(["0"]) == ([], 0)
    assert split_optimization_levels(["kfp.max_spec_bytes=9", "0", "airflow.mode=python", "2"]) == (
        ["kfp.max_spec_bytes=9", "airflow.mode=python"], 2,
    )
    assert split_optimization_levels(["1x", "O0"]) == (["1x", "O0"], None)


COMMANDS = {
    "compile": ["compile", "-t", "kfp", "-o", "{out}"],
    "check": ["check", "-t", "kfp"],
    "ir": ["ir"],
}
FLAGS: list[tuple[list[str], int]] = [([], 1), (["-O0"], 0), (["--no-optimize"], 0), (["-O1"], 1), (["-O2"], 1), (["-O0", "-O1"], 1), (["-O1", "-O0"], 0)]


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(("flags", "runs"), FLAGS, ids=lambda v: " ".join(map(str, v)) if isinstance(v, list) else str(v))  # pyright: ignore[reportUnknownArgumentType]
def test_the_flags_decide_whether_the_passes_run(
    command: str, flags: list[str], runs: int, recorder: _Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [a.replace("{out}", str(tmp_path / "out")) for a in COMMANDS[command]]
    assert main([*argv, str(ETL), *flags]) == 0, capsys.readouterr().err
    assert recorder.runs == runs


@pytest.mark.parametrize("command", sorted(COMMANDS))
@pytest.mark.parametrize(("flags", "runs"), [([], 0), (["-O1"], 1), (["--no-optimize", "-O1"], 0)])
def test_tool_flowc_optimize_false_turns_them_off_and_flags_override_it(
    command: str, flags: list[str], runs: int, recorder: _Recorder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _project(tmp_path, "[tool.flowc]\noptimize = false\n")
    argv = [a.replace("{out}", str(tmp_path / "out")) for a in COMMANDS[command]]
    assert main([*argv, str(path), *flags]) == 0, capsys.readouterr().err
    assert recorder.runs == runs


def test_a_non_boolean_optimize_setting_is_a_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _project(tmp_path, '[tool.flowc]\noptimize = "no"\n')
    assert main(["check", str(path), "--format", "json"]) == 1
    [problem] = json.loads(capsys.readouterr().out)
    assert problem["code"] == "FLC806" and "tool.flowc.optimize must be true or false" in problem["message"]


WIDE = '''from flowc import pipeline, task


@task
def echo(x: int) -> int:
    return x


@pipeline
def wide() -> list[int]:
    return [echo(x=i) for i in {items}]
'''


@pytest.mark.parametrize("command", ["check", "compile"])
def test_backend_options_still_apply_beside_a_level(command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fan-out wider than Airflow's default max_map_length passes only with the option set."""
    path = tmp_path / "wide.py"
    path.write_text(WIDE.format(items=list(range(1025))))
    out = ["-o", str(tmp_path / "out")] if command == "compile" else []
    assert main([command, str(path), "-t", "airflow", *out, "-O0"]) == 1
    assert main([command, str(path), "-t", "airflow", *out, "-O0", "-O", "airflow.max_map_length=2000"]) == 0
    assert main([command, str(path), "-t", "airflow", *out, "-O", "airflow.max_map_length=2000", "-O2"]) == 0
    capsys.readouterr()


@pytest.mark.parametrize("flag", ["-Ofoo", "-O1x", "-O-1"])
def test_anything_else_after_dash_o_is_still_an_option_error(flag: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(ETL), "-t", "kfp", "-o", str(tmp_path), flag]) == 2
    assert "TARGET.KEY=VALUE" in capsys.readouterr().err


def test_ir_takes_only_a_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ir", str(ETL), "-O", "kfp.max_spec_bytes=1"]) == 2
    assert "only -O0" in capsys.readouterr().err


def test_ir_without_optimization_has_no_fused_task(capsys: pytest.CaptureFixture[str]) -> None:
    """The real passes: feature_etl's chain is one fused task in the optimized IR, none at -O0."""
    assert main(["ir", str(ETL)]) == 0
    assert [t["members"] for t in json.loads(capsys.readouterr().out)["tasks"] if t["members"]] == [
        ["parse", "clean", "featurize", "summarize"]
    ]
    for flag in ("-O0", "--no-optimize"):
        assert main(["ir", str(ETL), flag]) == 0
        assert not any(t["members"] for t in json.loads(capsys.readouterr().out)["tasks"])


def _kfp_executors(argv: list[str], out: Path) -> list[str]:
    assert main(["compile", str(ETL), "-t", "kfp", "-o", str(out), *argv]) == 0
    text = (out / "kfp" / "feature_etl.yaml").read_text()
    return sorted(line.strip().rstrip(":") for line in text.splitlines() if line.startswith("    exec-"))


def test_compile_without_optimization_keeps_one_engine_step_per_source_step(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """feature_etl's four steps stay four KFP executors at -O0 (the optimizer fuses them)."""
    assert _kfp_executors(["-O0"], tmp_path / "a") == ["exec-clean", "exec-featurize", "exec-parse", "exec-summarize"]
    assert _kfp_executors(["--no-optimize"], tmp_path / "b") == _kfp_executors(["-O0"], tmp_path / "a")
    assert len(_kfp_executors([], tmp_path / "c")) == 1
    capsys.readouterr()


@pytest.mark.parametrize("flag", ["-O0", "--no-optimize"])
@pytest.mark.parametrize("example", sorted(p.name for p in EXAMPLES.glob("*.py")))
def test_check_stays_compiles_twin_without_optimization(
    flag: str, example: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = EXAMPLES / example
    checked = main(["check", str(path), "--root", str(EXAMPLES), flag, "--format", "json"]), capsys.readouterr().out
    compiled = main(["compile", str(path), "--root", str(EXAMPLES), flag, "-o", str(tmp_path), "--format", "json"])
    assert checked == (compiled, capsys.readouterr().out)
