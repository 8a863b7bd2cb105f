"""Shipped task code lands on its own file's lines: every line the runtime compiles is that line of the file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest

from flowc import api
from flowc.codegen.runtime import runtime_source
from flowc.codegen.task_code import shipped_code
from flowc.ir.model import Program, PythonTask
from flowc.ir.span import source_lines
from tests.conftest import EXAMPLE_FILES, EXAMPLES

TRICKY = """\
from __future__ import annotations

import functools
from flowc import pipeline, task

RATE = 2


@task
def scaled(x: int) -> int:
    return later(x) * RATE


@functools.lru_cache
@task
# a comment between decorators
@functools.wraps(print)
def later(x: int) -> int:
    return x + 1


@pipeline
def p(x: int = 1) -> int:
    return scaled(x=x)
"""


def _placed() -> Callable[[list[list[object]]], str]:
    namespace: dict[str, object] = {}
    exec(runtime_source(), namespace)
    return cast(Callable[[list[list[object]]], str], namespace["_flowc_placed"])


def assert_placed_at_their_lines(program: Program, files: dict[str, str]) -> int:
    placed, checked = _placed(), 0
    for task in program.tasks:
        if not isinstance(task, PythonTask) or task.code.origin is None:
            continue
        shipped = shipped_code(task.name, task.code)
        original = source_lines(files[str(shipped["file"])])
        lines = placed(cast(list[list[object]], shipped["pieces"])).split("\n")
        assert lines[task.code.origin.function_line - 1].lstrip().startswith(("def ", "async def ")), task.name
        for number, line in enumerate(lines, start=1):
            if line.strip():
                assert line == original[number - 1], (task.name, number)
                checked += 1
    return checked


def test_every_example_task_lands_on_its_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(EXAMPLES.parent)
    paths = [str(p.relative_to(EXAMPLES.parent)) for p in EXAMPLE_FILES.values()]
    loaded = api.load(paths, root=EXAMPLES, optimize=False)
    assert loaded.ok
    files = {p: Path(p).read_text() for p in {str(p.relative_to(EXAMPLES.parent)) for p in EXAMPLES.rglob("*.py")}}
    assert assert_placed_at_their_lines(loaded.program, files) > 100


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_helpers_below_the_task_and_dropped_decorators_keep_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, newline: str
) -> None:
    (tmp_path / "tricky.py").write_bytes(TRICKY.replace("\n", newline).encode())
    monkeypatch.chdir(tmp_path)
    loaded = api.load(["./tricky.py"], root=tmp_path, optimize=False)
    assert loaded.ok, loaded.diagnostics
    scaled = loaded.program.task("scaled")
    assert isinstance(scaled, PythonTask) and scaled.code.origin is not None
    assert (scaled.code.origin.path, scaled.code.origin.function_line) == ("tricky.py", 10)
    # `later` lost its @task, between two decorators it keeps: each part stays on its line.
    assert assert_placed_at_their_lines(loaded.program, {"tricky.py": TRICKY}) == 10 + 3  # scaled, later
