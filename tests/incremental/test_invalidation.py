"""A stored check is replayed only while everything it depends on is unchanged."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

import flowc
from flowc.cli import _replay, main  # pyright: ignore[reportPrivateUsage]
from tests.incremental.project import write_project


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Path:
    monkeypatch.setenv("FLOWC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.flowc]\nroot = \"project\"\n")
    folder = write_project(tmp_path / "project")
    assert main(["check", "project"]) == 0
    assert _replay(["check", "project"]) == 0  # stored
    capsys.readouterr()
    return folder


def _append(path: str, text: str) -> Callable[[Path, pytest.MonkeyPatch], None]:
    def change(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        target = folder.parent / path
        target.write_text((target.read_text() if target.exists() else "") + text)

    return change


def _new_version(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(flowc, "__version__", flowc.__version__ + ".post1")


def _remove(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (folder / "p2.py").unlink()


CHANGES = {
    "file contents": _append("project/p1.py", "\n# a comment\n"),
    "a new file": _append("project/p9.py", ""),
    "a removed file": _remove,
    "config": _append("pyproject.toml", "targets = [\"kfp\"]\n"),
    "flowc version": _new_version,
}


@pytest.mark.parametrize("change", CHANGES.values(), ids=CHANGES.keys())
def test_a_change_that_matters_is_not_replayed(change: Callable[[Path, pytest.MonkeyPatch], None], project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    change(project, monkeypatch)
    assert _replay(["check", "project"]) is None


@pytest.mark.parametrize("argv", [["-t", "kfp"], ["-O", "airflow.mode=kubernetes"], ["-O0"], ["--no-optimize"], ["--root", "."], ["--format", "json"]])
def test_other_arguments_are_other_checks(argv: list[str], project: Path) -> None:
    assert _replay(["check", "project", *argv]) is None
    assert _replay(["check", "project", "--no-cache"]) is None


def test_an_unchanged_project_is_replayed_whatever_the_file_times(project: Path) -> None:
    for path in project.glob("*.py"):
        os.utime(path, (1, 1))
    assert _replay(["check", "project"]) == 0


def test_a_module_that_appears_where_an_import_looked_is_a_change(project: Path) -> None:
    """Only the file given is checked; its import of a module outside the project becomes one of the project."""
    p3 = project / "p3.py"
    p3.write_text(p3.read_text().replace("from lib import shared", "from lib import shared\nimport helpers"))
    assert main(["check", "project/p3.py"]) == 0 and _replay(["check", "project/p3.py"]) == 0
    (project / "helpers.py").write_text("")
    assert _replay(["check", "project/p3.py"]) is None
