"""Parsing a file again after the editor changed one line of it, without parsing it all again.

libcst's parse is two thirds of what reading a 2,000-step pipeline costs, and the language
server reads the open files again on every change. Most changes stay on one line that holds
one simple statement (an argument edited, a step renamed): then the new tree is the last
one with that statement parsed again and put in its place; everything else is reused (libcst
trees are immutable). Anything else (lines added or removed, a compound statement, a
decorator, `;`, a line that is not a statement by itself, `\\r` line ends) is parsed whole.

    memory = TreeMemory()
    module = memory.parse("flow.py", text, ast.parse(text))   # the same tree as cst.parse_module(text)

Only the language server keeps a memory (`remember_trees`); a CLI run reads each file once.
"""

from __future__ import annotations

import ast
from collections import OrderedDict
from collections.abc import Sequence

import libcst as cst

__all__ = ["TreeMemory", "reparse_line"]

# statements holding a block: a changed line inside one is looked for in its body
_COMPOUND = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try)


class TreeMemory:
    """The last libcst tree of each recently parsed file (at most `size`), to build the next one from."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._trees: OrderedDict[str, tuple[str, cst.Module]] = OrderedDict()

    def parse(self, path: str, text: str, tree: ast.Module) -> cst.Module:
        """`cst.parse_module(text)`, from the last tree of `path` where one line changed (`tree`: text's `ast`)."""
        last = self._trees.pop(path, None)
        module: cst.Module | None = None
        if last is not None:
            module = last[1] if last[0] == text else reparse_line(last[0], last[1], text, tree)
        if module is None:
            module = cst.parse_module(text)
        self._trees[path] = (text, module)
        while len(self._trees) > self._size:
            self._trees.popitem(last=False)
        return module


def reparse_line(old: str, module: cst.Module, new: str, tree: ast.Module) -> cst.Module | None:
    """`module` (the tree of `old`) with the one line on which `new` differs parsed again; None
    unless that line holds exactly one simple statement in both texts (then parse `new` whole)."""
    changed = _changed_line(old, new)
    if changed is None or module.default_newline != "\n":
        return None
    start, old_line, new_line = changed
    indent = new_line[: len(new_line) - len(new_line.lstrip(" \t"))]
    if not old_line.startswith(indent) or old_line[len(indent) : len(indent) + 1] in (" ", "\t"):
        return None  # the indentation changed
    path = _ast_path(tree.body, old.count("\n", 0, start) + 1)
    if path is None:
        return None
    try:
        fresh = cst.parse_statement(new_line[len(indent) :] + "\n", config=module.config_for_parsing)
    except cst.ParserSyntaxError:
        return None
    if not isinstance(fresh, cst.SimpleStatementLine) or len(fresh.body) != 1:
        return None
    body = _replaced(module, module.body, path, old_line[len(indent) :] + "\n", fresh)
    return None if body is None else module.with_changes(body=body)


def _changed_line(old: str, new: str) -> tuple[int, str, str] | None:
    """Where the one changed line starts, its old text and its new text (no line end); None when
    the texts differ on more than one line, or not at all, or use `\\r`."""
    if old == new or "\r" in new or "\r" in old:
        return None
    limit = min(len(old), len(new))
    prefix = _common_prefix(old, new, limit)
    suffix = _common_prefix(old[::-1], new[::-1], limit - prefix)
    start = old.rfind("\n", 0, prefix) + 1
    old_end, new_end = old.find("\n", len(old) - suffix), new.find("\n", len(new) - suffix)
    if old_end < 0 or new_end < 0:
        return None  # the last line, without a line end
    old_line, new_line = old[start:old_end], new[start:new_end]
    if "\n" in old_line or "\n" in new_line:
        return None
    return start, old_line, new_line


def _common_prefix(a: str, b: str, limit: int) -> int:
    """How many leading characters `a` and `b` share (at most `limit`), by halving: C speed on long texts."""
    low, high = 0, limit
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _ast_path(body: Sequence[ast.stmt], line: int) -> list[int] | None:
    """Indices down the statement lists to the simple statement that is all of `line`, if one is."""
    for index, statement in enumerate(body):
        if statement.lineno <= line <= (statement.end_lineno or statement.lineno):
            if not isinstance(statement, _COMPOUND):
                return [index] if statement.lineno == statement.end_lineno == line else None
            inner = statement.body
            if not inner or line < inner[0].lineno:
                return None  # the header, a decorator, or an else/except block
            rest = _ast_path(inner, line)
            return None if rest is None else [index, *rest]
        if statement.lineno > line:
            return None
    return None


def _replaced(
    module: cst.Module, body: Sequence[cst.BaseStatement], path: list[int], old_code: str, fresh: cst.SimpleStatementLine
) -> tuple[cst.BaseStatement, ...] | None:
    """`body` with the statement at `path` (`ast`'s indices) replaced by `fresh`, if that statement is `old_code`."""
    found = _flat_index(body, path[0])
    if found is None:
        return None
    node = body[found]
    if len(path) == 1:
        if not isinstance(node, cst.SimpleStatementLine) or len(node.body) != 1:
            return None
        if module.code_for_node(node.with_changes(leading_lines=())) != old_code:
            return None  # the old statement was not that one line
        statement: cst.BaseStatement = fresh.with_changes(leading_lines=node.leading_lines)
    else:
        if not isinstance(node, cst.BaseCompoundStatement) or not isinstance(node.body, cst.IndentedBlock):
            return None
        inner = _replaced(module, node.body.body, path[1:], old_code, fresh)
        if inner is None:
            return None
        statement = node.with_changes(body=node.body.with_changes(body=inner))
    return (*body[:found], statement, *body[found + 1 :])


def _flat_index(body: Sequence[cst.BaseStatement], index: int) -> int | None:
    """The position in `body` of `ast`'s `index`-th statement (ast counts each of `a; b`), if it starts a line."""
    seen = 0
    for position, statement in enumerate(body):
        if seen == index:
            return position
        seen += len(statement.body) if isinstance(statement, cst.SimpleStatementLine) else 1
        if seen > index:
            return None
    return None
