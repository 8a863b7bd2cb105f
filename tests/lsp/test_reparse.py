"""The language server's reads parse a file after a one-line edit from its last tree (`reader/reparse.py`).

The tree built that way must be the tree a whole parse builds, node for node, for every
edit: each line of two examples edited in a few ways, and the edits that must fall back to
a whole parse (lines added, compound statements, decorators, `;`, indentation, line ends).
"""

from __future__ import annotations

import ast
from pathlib import Path

import libcst as cst
import pytest

from flowc.dsl.reader.reparse import TreeMemory, reparse_line
from tests.conftest import ROOT

EXAMPLES = [ROOT / "examples" / "churn.py", ROOT / "examples" / "reporting" / "weekly.py"]  # tasks, a pipeline with blocks


def _edited(line: str, number: int) -> str:
    """A line edited as a user types (one way per line, in turn): a character appended, a number changed, the line replaced."""
    body = line.rstrip()
    return [body + "x", body.replace("1", "2", 1) + " # note", line[: len(line) - len(line.lstrip())] + "pass"][number % 3]


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.name)
def test_a_one_line_edit_reparses_to_the_tree_a_whole_parse_builds(example: Path) -> None:
    old = example.read_text(encoding="utf-8")
    lines = old.split("\n")
    reused = 0
    module = cst.parse_module(old)
    for number, line in enumerate(lines[:-1]):
        edited = _edited(line, number)
        new = "\n".join([*lines[:number], edited, *lines[number + 1 :]])
        try:
            tree = ast.parse(new)
        except SyntaxError:
            continue
        again = reparse_line(old, module, new, tree)
        if again is not None:
            reused += 1
            assert again.code == new, (example.name, number + 1, edited)
            assert again.deep_equals(cst.parse_module(new)), (example.name, number + 1, edited)
    assert reused >= 5, f"{example.name}: the one-line path was taken only {reused} times"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("def f():\n    x = 1\n    y = 2\n", "def f():\n    x = 1\n    z = 0\n    y = 2\n"),  # a line added
        ("def f():\n    x = 1\n", "def f():\n      x = 1\n"),  # deeper
        ("if a:\n    x = 1\n", "if b:\n    x = 1\n"),  # a compound statement's header
        ("@task(image='a')\ndef f():\n    x = 1\n", "@task(image='b')\ndef f():\n    x = 1\n"),  # a decorator
        ("x = 1; y = 2\nz = 3\n", "x = 1; y = 3\nz = 3\n"),  # two statements on the line
        ("x = f(1,\n      2)\ny = 3\n", "x = f(1,\n      3)\ny = 3\n"),  # a statement over two lines
        ("x = 1 + \\\n(b)\n", "x = 1\n(b)\n"),  # one line now, a second statement after it
        ("x = 1\r\ny = 2\r\n", "x = 1\r\ny = 3\r\n"),  # \r\n line ends
        ("x = 1\ny = 2", "x = 1\ny = 3"),  # the last line, without a line end
        ("try:\n    x = 1\nexcept E:\n    y = 2\n", "try:\n    x = 1\nexcept E:\n    y = 3\n"),  # an except block
        ("x = 1\n# note\n", "x = 1\n# other\n"),  # a comment line
    ],
)
def test_other_edits_are_parsed_whole(old: str, new: str) -> None:
    assert reparse_line(old, cst.parse_module(old), new, ast.parse(new)) is None


def test_the_memory_gives_the_whole_parse_and_reuses_an_unchanged_tree() -> None:
    memory = TreeMemory(size=1)
    old = "def f():\n    x = g(a=1)\n    return x\n"
    first = memory.parse("f.py", old, ast.parse(old))
    assert memory.parse("f.py", old, ast.parse(old)) is first
    new = old.replace("a=1", "a=2")
    again = memory.parse("f.py", new, ast.parse(new))
    assert again.deep_equals(cst.parse_module(new)) and again.body[0] is not first.body[0]
    assert again.code == new
    memory.parse("other.py", "y = 1\n", ast.parse("y = 1\n"))  # size 1: f.py is forgotten
    assert memory.parse("f.py", new, ast.parse(new)) is not again
