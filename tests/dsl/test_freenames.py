"""Free names decide what module code a task carries: Python's scoping, over-approximated safely."""

from __future__ import annotations

import ast
import textwrap

import pytest

from flowc.dsl.reader.freenames import free_names


def _free(src: str) -> set[str]:
    (stmt,) = ast.parse(textwrap.dedent(src)).body
    return free_names(stmt)


@pytest.mark.parametrize(
    ("src", "want"),
    [
        ("X = Y + 1", {"Y"}),
        ("def f(a: A = D) -> R:\n    return a + b", {"A", "D", "R", "b"}),
        ("def f():\n    b = 1\n    return b", set()),
        ("def f():\n    def g():\n        x = 1\n    return x", {"x"}),  # x is bound only in g
        ("def f():\n    return [z for z in items if z > k]", {"items", "k"}),
        ("def f():\n    return lambda q: q + w", {"w"}),
        ("def f():\n    try:\n        pass\n    except E as err:\n        return err", {"E"}),
        ("def f():\n    import os\n    return os.sep", set()),
        ("def f():\n    global G\n    G = 1\n    return G", {"G"}),
        ("class C(Base, metaclass=M):\n    k: int = K\n    def m(self):\n        return k", {"Base", "M", "int", "K", "k"}),
        ("@deco\ndef f():\n    pass", {"deco"}),
        # module level: a read may mean an earlier binding (`X = X + 1`), so reads are kept
        ("for i in range(N):\n    total = i", {"range", "N", "i"}),
    ],
)
def test_free_names(src: str, want: set[str]) -> None:
    assert _free(src) == want
