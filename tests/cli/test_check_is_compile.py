"""`flowc check` is `flowc compile -t all` without writing: the same diagnostics, the same exit code.

Parametrized over every example, every bad-input fixture and every construct
program of the conformance suite (globbed, so new programs are picked up).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from flowc.cli import main
from tests.conftest import EXAMPLES, ROOT

BAD_INPUTS = ROOT / "tests" / "dsl" / "bad_inputs"
CONSTRUCTS = ROOT / "tests" / "conformance" / "constructs"


def _programs() -> list[tuple[Path, Path]]:
    """(file, import root) of every program the two commands must agree on."""
    out = [(p, EXAMPLES) for p in sorted(EXAMPLES.rglob("*.py")) if p.name != "__init__.py"]
    out += [(p, BAD_INPUTS) for p in sorted(BAD_INPUTS.glob("*.py"))]
    out += [(p, CONSTRUCTS) for p in sorted(CONSTRUCTS.rglob("*.py")) if p.name != "__init__.py"]
    return out


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[object]]:
    code = main([*argv, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize(("path", "root"), _programs(), ids=lambda v: str(v.relative_to(ROOT)) if isinstance(v, Path) else "")
def test_check_reports_what_compile_all_reports(path: Path, root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checked = _run(["check", str(path), "--root", str(root)], capsys)
    compiled = _run(["compile", str(path), "--root", str(root), "-t", "all", "-o", str(tmp_path / "out")], capsys)
    assert checked == compiled
    assert not (tmp_path / "out").exists() or checked[0] == 0


def test_the_programs_include_examples_and_bad_inputs() -> None:
    files = [p for p, _ in _programs()]
    assert sum(p.is_relative_to(EXAMPLES) for p in files) >= 5 and sum(p.is_relative_to(BAD_INPUTS) for p in files) >= 30


WIDE = '''from flowc import pipeline, task


@task(image="cr.flyte.org/flyteorg/flytekit:py3.12-1.16.31")  # has flytekit: no FLC705 warning
def echo(x: int) -> int:
    return x


@pipeline
def wide() -> list[int]:
    return [echo(x=i) for i in {items}]
'''


def test_check_runs_the_backends_checks(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A fan-out wider than Airflow's max_map_length is only known to the Airflow backend."""
    path = tmp_path / "wide.py"
    path.write_text(WIDE.format(items=list(range(1025))))
    checked = _run(["check", str(path)], capsys)
    assert checked == _run(["compile", str(path), "-t", "all", "-o", str(tmp_path / "out")], capsys)
    assert checked[0] == 1 and [d["code"] for d in checked[1]] == ["FLC601"]  # type: ignore[index]
    assert _run(["check", str(path), "-t", "kfp,flyte"], capsys) == (0, [])
    assert _run(["check", str(path), "-O", "airflow.max_map_length=2000"], capsys) == (0, [])
