"""User strings must reach generated Python as data, never as code."""

from __future__ import annotations

import ast
import inspect
from typing import Any

import pytest

from flowc.codegen.literals import py_docstring, py_literal

NASTY = [
    "plain",
    "it's",
    'say "hi"',
    "''' triple",
    '""" triple',
    "back\\slash",
    "new\nline",
    "\x00nul",
    "caf\u00e9 \u2603 \U0001f600",
    "'); import os; os.system('echo pwned'); ('",
    "{{ jinja }} {% if %}",
    "\r\n\t",
    "\\",
    '"',
]


@pytest.mark.parametrize("value", NASTY)
def test_strings_round_trip_through_python_source(value: str) -> None:
    source = py_literal(value)
    assert source.isascii()
    tree = ast.parse(source, mode="eval")
    assert isinstance(tree.body, ast.Constant)
    assert ast.literal_eval(source) == value


@pytest.mark.parametrize(
    "value",
    [None, True, False, 0, -3, 2.5, -0.0, 1e300, [1, "a", [None]], {"k": [1.5, {"n": "x'y"}]}, (1,), (1, 2), {}, []],
)
def test_json_values_round_trip(value: Any) -> None:
    assert ast.literal_eval(py_literal(value)) == value


def test_non_finite_floats_stay_floats() -> None:
    assert eval(py_literal(float("inf"))) == float("inf")  # noqa: S307 - our own literal


@pytest.mark.parametrize("doc", NASTY)
def test_docstrings_are_safe_and_exact(doc: str) -> None:
    source = f"def f():\n{py_docstring(doc, '    ')}\n"
    tree = ast.parse(source)
    func = tree.body[0]
    assert isinstance(func, ast.FunctionDef)
    assert ast.get_docstring(func, clean=True) == inspect.cleandoc(doc)
