"""A real git repository holding `project/`, committed once, for `flowc diff` to compare against."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from flowc.diff import diff
from flowc.diff.model import DiffResult
from flowc.diff.sides import Request

PROJECT = Path(__file__).parent / "project"
FLOW = "pipelines/flow.py"


def git(repo: Path, *args: str) -> str:
    config = ["-c", "user.name=flowc tests", "-c", "user.email=tests@flowc.invalid", "-c", "commit.gpgsign=false"]
    done = subprocess.run(["git", *config, *args], cwd=repo, capture_output=True, text=True, check=True)
    return done.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit holds the test project (its working tree as committed)."""
    root = tmp_path / "repo"
    shutil.copytree(PROJECT, root, ignore=shutil.ignore_patterns("__pycache__"))
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "the project")
    return root


def edit(root: Path, old: str, new: str, path: str = FLOW) -> None:
    """Replace the one occurrence of `old` in `path` under `root` with `new`."""
    file = root / path
    text = file.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    file.write_text(text.replace(old, new), encoding="utf-8")


def diff_here(root: Path, request: Request | None = None) -> DiffResult:
    result = diff(request or Request(), root)
    assert result.ok, result.diagnostics
    return result


def why(result: DiffResult, pipeline: str = "flow") -> dict[str, list[str]]:
    """Step id -> the reasons it re-runs, as text."""
    found = next(p for p in result.pipelines if p.name == pipeline)
    return {c.step.id: [r.text() for r in c.reasons] for c in found.rerun}


# The edit of the Markdown snapshot and the GitHub annotations test: a constant a task
# uses, an image, a step removed and one added.
def review_edit(root: Path) -> None:
    edit(root, "SCALE = 3", "SCALE = 4")
    edit(root, 'image="python:3.12-slim"', 'image="python:3.13-slim"')
    edit(root, "    audit(rows=rows)\n", "")
    edit(root, "    return report(score=score)", "    return summarize(text=report(score=score))")
    edit(root, "@pipeline", '@task\ndef summarize(text: str) -> str:\n    return text[:10]\n\n\n@pipeline')
