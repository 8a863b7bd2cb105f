"""The DSL is precisely typed for mypy too: `mypy --strict` accepts the examples and flags wrong wiring.

`--allow-empty-bodies` is the one setting beside `--strict` (the README's "Type checking"
section says why): a `@container_task`'s body is `...` by design, and mypy reports an empty
body on any function whose return type is not None, however it is decorated.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WRONG = Path(__file__).with_name("wrong_wiring.py")
FLAGS = ["--strict", "--allow-empty-bodies"]
# `path:line: error: message  [code]`, mypy's default output.
ERROR = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): error: (?P<message>.*)$", re.MULTILINE)


def _mypy(paths: list[Path], tmp_path: Path, flags: list[str] = FLAGS) -> list[tuple[str, int, str]]:
    """mypy's errors as (file name, line, message); flowc is this checkout's (MYPYPATH comes first)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", *flags, "--cache-dir", str(tmp_path / "cache"), "--no-error-summary",
         "--python-executable", sys.executable, *map(str, paths)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "MYPYPATH": str(ROOT)},
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 2: mypy itself failed
    return [(Path(m["path"]).name, int(m["line"]), m["message"]) for m in ERROR.finditer(proc.stdout)]


@pytest.mark.slow
def test_examples_are_clean_under_mypy_strict(tmp_path: Path) -> None:
    errors = _mypy([ROOT / "examples"], tmp_path)
    assert errors == [], "\n".join(f"{f}:{line}: {m}" for f, line, m in errors)


@pytest.mark.slow
def test_wrong_wiring_is_flagged_by_mypy_on_the_marked_lines(tmp_path: Path) -> None:
    expected = {i for i, line in enumerate(WRONG.read_text().splitlines(), 1) if "# error:" in line}
    errors = _mypy([WRONG], tmp_path)
    assert {line for _, line, _ in errors} == expected, errors
    assert ("wrong_wiring.py", 24, 'Argument "model" to "evaluate" has incompatible type "Dataset"; expected "Model"  [arg-type]') in errors


@pytest.mark.slow
def test_without_allow_empty_bodies_mypy_reports_a_container_tasks_body(tmp_path: Path) -> None:
    """Why the flag is documented: the only thing plain `--strict` reports in the examples."""
    errors = _mypy([ROOT / "examples"], tmp_path, ["--strict"])
    assert errors and all(m.endswith("[empty-body]") for _, _, m in errors), errors
