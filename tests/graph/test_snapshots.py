"""`flowc graph` output for every example, optimized and not, in both text formats, pinned."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from flowc.graph import render
from flowc.ir.model import Program
from tests.conftest import EXAMPLE_FILES

CASES = [(name, fmt, optimize) for name in EXAMPLE_FILES for fmt in ("mermaid", "dot") for optimize in (True, False)]


@pytest.mark.parametrize(("name", "fmt", "optimize"), CASES, ids=[f"{n}-{f}-{'O1' if o else 'O0'}" for n, f, o in CASES])
def test_example_graph(load_example: Callable[..., Any], name: str, fmt: Any, optimize: bool, snapshot: Any) -> None:
    program: Program = load_example(name, optimize=optimize)
    text = render(program, fmt)
    assert text == render(program, fmt), "the drawing is deterministic"
    assert text == snapshot
