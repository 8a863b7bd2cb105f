"""Task code with `from __future__` imports, where it is pasted into a bigger program.

A future import must be the first statement of its compilation unit, and it changes
how that whole unit compiles (PEP 563's lazy annotations: a helper annotated with a
name imported only under `TYPE_CHECKING` needs it). Task code that holds one is
therefore compiled on its own, by a statement that execs it, never pasted mid-module.
"""

from __future__ import annotations

import ast

from flowc.codegen.literals import py_literal


def has_future_import(code: str) -> bool:
    """Whether `code` starts with a `from __future__ import ...` statement."""
    try:
        body = ast.parse(code).body
    except SyntaxError:
        return False
    first = next((n for n in body if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))), None)
    return isinstance(first, ast.ImportFrom) and first.module == "__future__" and first.level == 0


def exec_statement(code: str, filename: str, namespace: str) -> str:
    """A statement that runs `code` as a compilation unit of its own in `namespace`.

    `dont_inherit=True`: only the code's own future imports apply, not the host's.
    """
    return f"exec(compile({py_literal(code)}, {py_literal(filename)}, 'exec', dont_inherit=True), {namespace})"
