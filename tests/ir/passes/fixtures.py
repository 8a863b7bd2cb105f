"""Before/after fixtures of IR passes, in the manner of sqlglot's optimizer fixtures.

A fixture is a small flowc program `fixtures/<pass>/<case>.py` whose module docstring
says what the rule does there, and whose `EXPECTED` string is the rendering
(`render.py`) of its pipelines after the pass. The program is read without the
optimizer (`api.load(..., optimize=False)`: lowered only), the pass applied, the IR
invariants checked before and after (`flowc.ir.invariants`), and the rendering
compared. `FLOWC_UPDATE_FIXTURES=1` rewrites `EXPECTED` from what the pass makes (read the diff).
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable
from pathlib import Path

from flowc import api
from flowc.ir.invariants import invariant_problems
from flowc.ir.model import Program
from tests.ir.passes.render import render_program

HERE = Path(__file__).parent / "fixtures"


def cases(pass_name: str) -> list[Path]:
    return sorted((HERE / pass_name).glob("*.py"))


def unoptimized(path: Path) -> Program:
    """The program at `path`, read, validated and lowered, no passes run; its invariants hold."""
    loaded = api.load([path], root=path.parent, optimize=False)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    assert invariant_problems(loaded.program) == []
    return loaded.program


def expected(path: Path) -> str:
    tree = ast.parse(path.read_text())
    for stmt in tree.body:
        if isinstance(stmt, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "EXPECTED" for t in stmt.targets):
            value = ast.literal_eval(stmt.value)
            assert isinstance(value, str)
            return value.strip("\n")
    raise AssertionError(f"{path}: no EXPECTED")


def check_fixture(path: Path, apply: Callable[[Program], Program]) -> Program:
    """Apply the pass to the fixture's program and compare; the optimized program."""
    after = apply(unoptimized(path))
    assert invariant_problems(after) == []
    got = render_program(after).strip("\n")
    if os.environ.get("FLOWC_UPDATE_FIXTURES"):
        _update(path, got)
    assert got == expected(path)
    return after


def _update(path: Path, rendered: str) -> None:
    text = path.read_text()
    new = re.sub(r'EXPECTED = """\n.*?"""', lambda _: f'EXPECTED = """\n{rendered}\n"""', text, flags=re.S)
    path.write_text(new)
