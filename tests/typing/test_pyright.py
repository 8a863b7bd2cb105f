"""The DSL is precisely typed: pyright (strict) accepts the examples and flags wrong wiring."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRONG = Path(__file__).with_name("wrong_wiring.py")


def _basedpyright() -> str:
    exe = shutil.which("basedpyright", path=str(Path(sys.executable).parent)) or shutil.which("basedpyright")
    if exe is None:
        pytest.fail("basedpyright is not installed: install flowc[test]")
    return exe


def _run(paths: list[Path], tmp_path: Path) -> list[dict[str, Any]]:
    config = tmp_path / "pyrightconfig.json"
    config.write_text(json.dumps({"typeCheckingMode": "strict", "pythonVersion": "3.11", "extraPaths": [str(ROOT)]}))
    proc = subprocess.run(
        [_basedpyright(), "--outputjson", "--pythonpath", sys.executable, "-p", str(config), *map(str, paths)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    report = json.loads(proc.stdout)
    return [d for d in report["generalDiagnostics"] if d["severity"] == "error"]


@pytest.mark.slow
def test_examples_are_clean_in_strict_mode(tmp_path: Path) -> None:
    errors = _run([ROOT / "examples"], tmp_path)
    assert errors == [], "\n".join(f"{e['file']}:{e['range']['start']['line'] + 1}: {e['message']}" for e in errors)


@pytest.mark.slow
def test_wrong_wiring_is_flagged_on_the_marked_lines(tmp_path: Path) -> None:
    expected = {i for i, line in enumerate(WRONG.read_text().splitlines(), 1) if "# error:" in line}
    errors = _run([WRONG], tmp_path)
    got = {e["range"]["start"]["line"] + 1 for e in errors}
    assert got == expected, errors


@pytest.mark.slow
def test_flowc_itself_is_pyright_clean() -> None:
    """The package type-checks under the project's own settings ([tool.basedpyright])."""
    proc = subprocess.run(
        # `-p ROOT`: the project's own settings, never a pyrightconfig.json found above it.
        [_basedpyright(), "--outputjson", "--pythonpath", sys.executable, "-p", str(ROOT)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )
    report = json.loads(proc.stdout)
    errors = [d for d in report["generalDiagnostics"] if d["severity"] == "error"]
    assert errors == [], "\n".join(f"{e['file']}:{e['range']['start']['line'] + 1}: {e['message']}" for e in errors)
