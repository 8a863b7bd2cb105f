"""What concerns changed files (the pre-commit hook's check): the changed pipelines, and the
pipelines that import a changed module, directly or through another module, reported exactly
as `flowc check` of those pipelines reports them; nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from flowc.incremental.state import Snapshot
from flowc.incremental.units import Checked, run_check

BASE = '''from flowc import task


@task
def double(x: int) -> int:
    return x * 2
'''

FLOW = '''from flowc import pipeline

from lib.mid import double


@pipeline
def twice(x: int = 1) -> int:
    return double(x=double(x=x))
'''

OTHER = '''from flowc import pipeline, task


@task
def inc(x: int) -> int:
    return x + 1


@pipeline
def broken(x: int = 1) -> int:
    return inc(x=x + 1)
'''


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "lib").mkdir()
    (tmp_path / "lib" / "__init__.py").write_text("")
    (tmp_path / "lib" / "base.py").write_text(BASE.replace("x: int)", "x: str)"))  # flow.py's wiring is wrong
    (tmp_path / "lib" / "mid.py").write_text("from lib.base import double\n\n__all__ = ['double']\n")  # re-exports it
    (tmp_path / "pipelines").mkdir()
    (tmp_path / "pipelines" / "flow.py").write_text(FLOW)
    (tmp_path / "pipelines" / "other.py").write_text(OTHER)  # broken, imports nothing of the project
    (tmp_path / "notes.py").write_text("print('not a pipeline')\n")
    return tmp_path


def _check(*changed: str, kept: list[dict[str, object]] | None = None) -> tuple[Checked, list[dict[str, object]]]:
    snapshot = Snapshot.of(("pipelines",))
    files = frozenset(os.path.realpath(f) for f in changed)
    return run_check(["pipelines"], ["kfp"], {}, ".", snapshot, kept or [], [], changed=files)


def _shown(checked: Checked) -> list[str]:
    return [f"{d.span.path}:{d.span.line}: {d.code}" for d in checked.diagnostics if d.span is not None]


def test_a_changed_module_reports_the_pipelines_that_import_it_through_another(project: Path) -> None:
    checked, units = _check("lib/base.py")
    assert _shown(checked) == ["pipelines/flow.py:8: FLC201"]  # other.py's error is not this change's
    assert (checked.files, checked.pipelines) == (3, 1)  # flow.py, mid.py and base.py; one pipeline
    assert len(units) == 2  # both files' units are stored for the next check


def test_a_changed_pipeline_reports_itself_and_an_unrelated_file_nothing(project: Path) -> None:
    assert _shown(_check("pipelines/other.py")[0]) == ["pipelines/other.py:11: FLC102"]
    nothing, _ = _check("notes.py", "README.md")
    assert (nothing.diagnostics, nothing.files) == ([], 0)


def test_stored_units_answer_for_unchanged_files_and_changed_ones_are_read_again(project: Path) -> None:
    _, units = _check("pipelines/flow.py")
    (project / "lib" / "base.py").write_text(BASE)  # fixed
    kept = [u for u in units if Snapshot.of(("pipelines",)).holds(u)]
    assert len(kept) == 1  # other.py's; flow.py's read base.py, which changed
    checked, _ = _check("lib/base.py", kept=kept)
    assert checked.diagnostics == [] and checked.pipelines == 1
    everything, _ = _check("pipelines/flow.py", "pipelines/other.py", kept=kept)
    assert _shown(everything) == ["pipelines/other.py:11: FLC102"]
