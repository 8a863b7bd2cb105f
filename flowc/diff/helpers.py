"""Which module-level helpers of a task changed: its preamble split into top-level statements by the names they define.

A task's preamble (`TaskCode.preamble`) holds the imports, constants, helpers and
classes it uses; its key covers the preamble normalized as a whole. To say *which*
helper changed, each statement is normalized on its own (`normalized_code`, so a
comment in a helper still changes nothing) and named by what it defines.

>>> changed_helpers("import os\\ndef a():\\n    return 1\\n", "import os\\ndef a():  # same\\n    return 1\\n")
[]
>>> changed_helpers("X = 1\\ndef a():\\n    return X\\n", "X = 2\\ndef a():\\n    return X\\n")
['X']

A task's shipped project modules (`TaskCode.modules`) are compared the same way, each
changed statement named with its module (`lib.clean`).
"""

from __future__ import annotations

import ast
from collections.abc import Sequence

from flowc.ir.passes.cache_key import normalized_code
from flowc.ir.shipped import ShippedModule


def defined_names(stmt: ast.stmt) -> list[str]:
    """The names a top-level statement defines: a def's or class's name, imported names, assigned names."""
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [stmt.name]
    if isinstance(stmt, (ast.Import, ast.ImportFrom)):
        return [(alias.asname or alias.name).split(".")[0] for alias in stmt.names]
    targets: list[ast.expr] = []
    if isinstance(stmt, ast.Assign):
        targets = list(stmt.targets)
    elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        targets = [stmt.target]
    return [n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)]


def statement_label(stmt: ast.stmt) -> str:
    """How a statement is named in the output: what it defines, else its kind (`if statement`)."""
    names = defined_names(stmt)
    return ", ".join(dict.fromkeys(names)) if names else f"{type(stmt).__name__.lower()} statement"


def split_preamble(preamble: str) -> dict[str, list[str]]:
    """Label -> the normalized code of the statements so labelled, in order."""
    try:
        tree = ast.parse(preamble)
    except SyntaxError:
        return {"": [normalized_code(preamble)]}
    out: dict[str, list[str]] = {}
    for stmt in tree.body:
        out.setdefault(statement_label(stmt), []).append(normalized_code(ast.unparse(stmt)))
    return out


def changed_helpers(old: str, new: str) -> list[str]:
    """Labels of the statements that differ, were added or were removed, sorted."""
    before, after = split_preamble(old), split_preamble(new)
    return sorted(label for label in set(before) | set(after) if before.get(label) != after.get(label))


def changed_module_helpers(old: Sequence[ShippedModule], new: Sequence[ShippedModule]) -> list[str]:
    """`module.label` of each statement that differs between two tasks' shipped modules, sorted.

    >>> from flowc.ir.shipped import ShippedModule
    >>> a = ShippedModule(name="lib", code="def clean(s):\\n    return s\\n")
    >>> changed_module_helpers([a], [ShippedModule(name="lib", code="def clean(s):\\n    return s.strip()\\n")])
    ['lib.clean']
    """
    before, after = {m.name: m.code for m in old}, {m.name: m.code for m in new}
    names = sorted(set(before) | set(after))
    return sorted(f"{name}.{label}" for name in names for label in changed_helpers(before.get(name, ""), after.get(name, "")))
