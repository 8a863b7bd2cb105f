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


HOSTILE_DIR = "we'ird {{ dag_run }} \"{.inputs.x}\" $(x)"


def _shipped_files(target: str, text: str) -> set[str]:
    """The file names each artifact ships task code under, read back as the runtime reads them."""
    import ast
    import base64

    import yaml

    def assigned(source: str, name: str) -> list[object]:
        tree = ast.parse(source)
        return [ast.literal_eval(n.value) for n in ast.walk(tree) if isinstance(n, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == name for t in n.targets)]

    if target == "kfp":
        spec = next(yaml.safe_load_all(text))
        programs = [base64.b64decode(e["container"]["command"][3]).decode() for e in spec["deploymentSpec"]["executors"].values()]
        codes = [c for p in programs for c in assigned(p, "_FLOWC_CODE")]
    elif target == "airflow":
        tasks = cast(dict[str, str], assigned(text, "_FLOWC_CODE")[0])
        codes = [c for program in tasks.values() for c in assigned(program, "_FLOWC_SOURCE")]
    else:
        calls = [n for n in ast.walk(ast.parse(text)) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "load_task_function"]
        codes = [ast.literal_eval(c.args[0]) for c in calls if isinstance(c.args[0], ast.Dict)]  # not the runtime's own call
    return {cast(dict[str, str], c)["file"] for c in codes}


@pytest.mark.parametrize("target", ["kfp", "airflow", "flyte"])
def test_a_file_name_reaches_the_runtime_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """Quotes and engine template syntax in the path stay text: every artifact parses and ships it unchanged."""
    (tmp_path / HOSTILE_DIR).mkdir()
    (tmp_path / HOSTILE_DIR / "tricky.py").write_text(TRICKY)
    monkeypatch.chdir(tmp_path)
    loaded = api.load([f"{HOSTILE_DIR}/tricky.py"], root=tmp_path / HOSTILE_DIR)
    assert loaded.ok, loaded.diagnostics
    result = api.emit(loaded.program, target, {})
    assert not [d for d in result.diagnostics if d.is_error], result.diagnostics
    (text,) = [data.decode() for name, data in result.files.items() if name.endswith((".py", ".yaml"))]
    assert _shipped_files(target, text) == {f"{HOSTILE_DIR}/tricky.py"}
