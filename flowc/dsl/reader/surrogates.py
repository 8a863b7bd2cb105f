"""String literals that hold a lone surrogate (`"\\ud800"`), in the parts of a module flowc reads.

Such a string is valid Python but cannot be encoded as UTF-8, so it could never be
written into an artifact, a JSON dump of the IR or a log. The reader reports it at
the literal. Task bodies are left alone: they travel as source text, where the
escape is plain ASCII and works at run time.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from flowc.dsl.reader.symbols import ModuleSymbols

_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogates(syms: ModuleSymbols) -> Iterator[tuple[ast.Constant, str]]:
    """Each string constant flowc may read that holds a surrogate, with the first one found."""
    if not _may_hold_surrogates(syms.source.text):
        return  # the common case, found in one scan of the text instead of a walk of every tree
    pending: list[ast.AST] = [node for stmt in syms.statements for node in _read_parts(syms, stmt.tree)]
    while pending:  # iterative: deep expressions must not exhaust the stack here
        node = pending.pop()
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and not node.value.isascii():
            found = _SURROGATE.search(node.value)
            if found is not None:
                yield node, found.group()
        pending.extend(ast.iter_child_nodes(node))


def _may_hold_surrogates(text: str) -> bool:
    """Whether a literal of `text` can hold a surrogate: only one written as such, or as a `\\u`/`\\U` escape."""
    return "\\u" in text or "\\U" in text or (not text.isascii() and _SURROGATE.search(text) is not None)


def _read_parts(syms: ModuleSymbols, tree: ast.stmt) -> list[ast.AST]:
    """The parts of a top-level statement whose strings can reach the IR."""
    if isinstance(tree, (ast.Assign, ast.AnnAssign)):
        return [tree]  # module constants: defaults and options may name them
    if isinstance(tree, ast.ClassDef):
        return [tree] if tree.name in syms.namedtuples else []
    if not isinstance(tree, (ast.FunctionDef, ast.AsyncFunctionDef)) or tree.name not in syms.definitions:
        return []
    if syms.definitions[tree.name].kind == "pipeline":
        return [tree]
    outside: list[ast.AST] = [*tree.decorator_list, tree.args, *([tree.returns] if tree.returns else [])]
    doc = tree.body[0] if tree.body else None
    if isinstance(doc, ast.Expr) and isinstance(doc.value, ast.Constant):
        outside.append(doc)
    return outside
