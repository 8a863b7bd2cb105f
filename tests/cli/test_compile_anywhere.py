"""Artifacts are the same bytes wherever the project is checked out and wherever in it flowc runs.

With no paths given, `flowc compile` reads `[tool.flowc] paths`; the file names task
code is shipped under (tracebacks point there) are then relative to the project's
folder: `pipelines/flow.py` from the project's folder, from a subfolder of another
checkout, and from the pipelines' folder itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.cli import main

PROJECT = {
    "pyproject.toml": '[tool.flowc]\npaths = ["pipelines"]\nout = "build"\n',
    "pipelines/lib.py": "def clean(s: str) -> str:\n    return s.strip()\n",
    "pipelines/sub/notes.txt": "a folder to run flowc from\n",
    "pipelines/flow.py": (
        "from flowc import pipeline, task\n"
        "from lib import clean\n"
        "\n"
        "\n"
        "@task\n"
        "def tidy(s: str) -> str:\n"
        "    return clean(s)\n"
        "\n"
        "\n"
        "@pipeline\n"
        "def flow(s: str = ' x ') -> str:\n"
        "    return tidy(s=s)\n"
    ),
}


def checkout(folder: Path) -> Path:
    for rel, text in PROJECT.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text)
    return folder


def compiled(project: Path, cwd: str, *argv: str) -> dict[str, bytes]:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project / cwd)
        assert main(["compile", *argv]) == 0
    build = project / "build"
    return {p.relative_to(build).as_posix(): p.read_bytes() for p in sorted(build.rglob("*")) if p.is_file()}


def test_the_same_project_compiles_to_the_same_bytes_from_anywhere(tmp_path: Path) -> None:
    here = compiled(checkout(tmp_path / "a"), ".")
    assert any(b"pipelines/flow.py" in data for data in here.values())
    assert not any(str(tmp_path).encode() in data for data in here.values())
    for project, cwd in ((tmp_path / "b" / "deeper", "pipelines/sub"), (tmp_path / "c", "pipelines")):
        assert compiled(checkout(project), cwd) == here, (project, cwd)
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path / "a" / "pipelines" / "sub")
        assert main(["compile", "--check"]) == 0  # what a compile from the project's folder wrote is current
