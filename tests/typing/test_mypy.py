"""The DSL is precisely typed for mypy too: `mypy --strict` accepts the examples and flags wrong wiring.

mypy runs as a user runs it: `mypy --strict PATH` in a project whose pyproject.toml enables
flowc's plugin (`[tool.mypy] plugins = ["flowc.mypy_plugin"]`, this repository's own, as
docs/editors.md says). The plugin is what lets a `@container_task`'s `...` body pass: without
it, mypy reports an empty body on every container task returning something.
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
BODIES = Path(__file__).with_name("container_bodies.py")
# `path:line: error: message  [code]`, mypy's default output.
ERROR = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+): error: (?P<message>.*)$", re.MULTILINE)


def _mypy(paths: list[Path], tmp_path: Path, *config: str) -> list[tuple[str, int, str]]:
    """`mypy --strict PATH...` in this repository (its pyproject.toml is the config unless `config` names
    another), as (file name, line, message); flowc is this checkout's (MYPYPATH comes first)."""
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *config, "--cache-dir", str(tmp_path / "cache"), "--no-error-summary",
         *map(str, paths)],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env={**os.environ, "MYPYPATH": str(ROOT)},
    )
    assert proc.returncode in (0, 1), proc.stdout + proc.stderr  # 2: mypy itself failed
    return [(Path(m["path"]).name, int(m["line"]), m["message"]) for m in ERROR.finditer(proc.stdout)]


def _marked(path: Path) -> set[int]:
    return {i for i, line in enumerate(path.read_text().splitlines(), 1) if "# error:" in line}


@pytest.mark.slow
def test_examples_are_clean_under_mypy_strict(tmp_path: Path) -> None:
    errors = _mypy([ROOT / "examples"], tmp_path)
    assert errors == [], "\n".join(f"{f}:{line}: {m}" for f, line, m in errors)


@pytest.mark.slow
def test_wrong_wiring_and_checked_bodies_are_flagged_by_mypy_on_the_marked_lines(tmp_path: Path) -> None:
    errors = _mypy([WRONG, BODIES], tmp_path)
    assert {line for f, line, _ in errors if f == WRONG.name} == _marked(WRONG), errors
    assert ("wrong_wiring.py", 24, 'Argument "model" to "evaluate" has incompatible type "Dataset"; expected "Model"  [arg-type]') in errors
    expected = {(i, line.split("# error: ")[1].split()[0]) for i, line in enumerate(BODIES.read_text().splitlines(), 1) if "# error:" in line}
    assert {(line, m.split("  ")[-1]) for f, line, m in errors if f == BODIES.name} == expected, errors


@pytest.mark.slow
def test_without_the_plugin_mypy_reports_each_container_tasks_body(tmp_path: Path) -> None:
    """What the plugin changes, and only that: plain `--strict` reports just the container tasks' bodies."""
    bare = tmp_path / "mypy.ini"
    bare.write_text("[mypy]\n")
    errors = _mypy([ROOT / "examples"], tmp_path, "--config-file", str(bare))
    assert errors and all(m.endswith("[empty-body]") for _, _, m in errors), errors
