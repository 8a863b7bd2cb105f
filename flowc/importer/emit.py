"""Shared pieces of every importer: located notes, comments in the output, and small CST builders.

An importer rewrites the original libcst tree with `with_changes`, so whatever it does
not touch (comments, docstrings, the formatting of task bodies) comes out as it went
in. What it cannot translate is never dropped: `Notes.add` reports a diagnostic located
in the input and returns the `# flowc import: ...` comment the importer puts in the
output where the construct was, usually above the original code, commented out.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Iterable, Mapping, Sequence
from typing import cast

import libcst as cst
from libcst.metadata import CodeRange

from flowc.ir.codes import Code
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span, source_lines

COMMENT_PREFIX = "# flowc import: "
_EMPTY_MODULE = cst.Module(body=[])


class Notes:
    """The diagnostics of one imported file, located in the input, and the comment each one leaves."""

    def __init__(self, path: str, positions: Mapping[cst.CSTNode, CodeRange]) -> None:
        self.path = path
        self._positions = positions
        self.diagnostics: list[Diagnostic] = []

    def span(self, node: cst.CSTNode | None) -> Span | None:
        where = self._positions.get(node) if node is not None else None
        if where is None:
            return None
        start, end = where.start, where.end
        return Span(path=self.path, line=start.line, col=start.column + 1, end_line=end.line, end_col=end.column + 1)

    def add(self, code: Code, node: cst.CSTNode | None, *args: object) -> str:
        """Report `code` at `node` (an original node); the comment line that goes into the output."""
        found = Diagnostic.of(code, self.span(node), *args)
        self.diagnostics.append(found)
        return comment(found.message)


def comment(message: str) -> str:
    """`message` as one `# flowc import:` comment line (line breaks folded to spaces)."""
    return COMMENT_PREFIX + " ".join(message.split())


def source_of(node: cst.CSTNode) -> str:
    """The code of `node` as written (formatting and comments kept)."""
    return _EMPTY_MODULE.code_for_node(node)


def snippet(node: cst.CSTNode) -> str:
    """Short code of `node` for a message: an argument without its comma, a statement without its comments."""
    if isinstance(node, cst.Arg):
        node = node.with_changes(comma=cst.MaybeSentinel.DEFAULT)
    elif isinstance(node, cst.SimpleStatementLine):
        node = node.body[0].with_changes(semicolon=cst.MaybeSentinel.DEFAULT)
    elif isinstance(node, cst.With):
        return f"with {snippet(node.items[0].item)}: ..."
    elif isinstance(node, cst.For):
        return f"for {snippet(node.target)} in {snippet(node.iter)}: ..."
    elif isinstance(node, cst.If | cst.While):
        return f"{'if' if isinstance(node, cst.If) else 'while'} {snippet(node.test)}: ..."
    elif isinstance(node, cst.BaseCompoundStatement):
        return type(node).__name__.lower() + " statement"
    return " ".join(source_of(node).split())


def commented_out(node: cst.CSTNode) -> list[str]:
    """The original code of `node`, each line as a comment (`#     line`)."""
    return [("#     " + line).rstrip() for line in source_lines(source_of(node).strip("\r\n"))]


def comment_lines(texts: Iterable[str]) -> list[cst.EmptyLine]:
    return [cst.EmptyLine(indent=True, comment=cst.Comment(text)) for text in texts]


def with_comments(stmt: cst.BaseStatement, texts: Sequence[str]) -> cst.BaseStatement:
    """`stmt` with `texts` as comment lines right above it (below its own leading comments)."""
    if not texts:
        return stmt
    if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement):
        return stmt.with_changes(leading_lines=[*stmt.leading_lines, *comment_lines(texts)])
    return stmt


def leading_lines(stmt: cst.BaseStatement) -> Sequence[cst.EmptyLine]:
    if isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement):
        return stmt.leading_lines
    return ()


def literal_value(expr: cst.BaseExpression) -> tuple[bool, object]:
    """(True, value) when `expr` is a Python literal, without running anything."""
    try:
        return True, ast.literal_eval(source_of(expr).strip())
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return False, None


def docstring(text: str) -> cst.SimpleStatementLine:
    """A docstring statement holding `text` (triple-quoted when it can be)."""
    plain = '"' not in text and "\\" not in text and "\n" not in text and text.isprintable()
    return simple_line(cst.Expr(cst.SimpleString(f'"""{text}"""' if plain else repr(text))))


def literal(value: object) -> cst.BaseExpression:
    """A literal expression for a JSON-like value, strings in double quotes.

    >>> source_of(literal({"A": ["x", 1, True, None]}))
    '{"A": ["x", 1, True, None]}'
    """
    return cst.parse_expression(literal_text(value))


def literal_text(value: object) -> str:
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, list | tuple):
        items = cast("list[object] | tuple[object, ...]", value)
        return "[" + ", ".join(literal_text(v) for v in items) + "]"
    if isinstance(value, dict):
        pairs = cast("dict[object, object]", value)
        return "{" + ", ".join(f"{literal_text(k)}: {literal_text(v)}" for k, v in pairs.items()) + "}"
    return repr(value)


def name_or_attr(dotted: str) -> cst.Name | cst.Attribute:
    head, *rest = dotted.split(".")
    expr: cst.Name | cst.Attribute = cst.Name(head)
    for part in rest:
        expr = cst.Attribute(value=expr, attr=cst.Name(part))
    return expr


def keyword_arg(name: str, value: cst.BaseExpression) -> cst.Arg:
    """`name=value`, without spaces around `=`."""
    return cst.Arg(value=value, keyword=cst.Name(name), equal=cst.AssignEqual(cst.SimpleWhitespace(""), cst.SimpleWhitespace("")))


def keyword_call(func: str, kwargs: Sequence[tuple[str, cst.BaseExpression]]) -> cst.Call:
    return cst.Call(
        func=name_or_attr(func),
        args=[keyword_arg(k, v) for k, v in kwargs],
    )


LINE_LENGTH = 100


def decorator(name: str, kwargs: Sequence[tuple[str, cst.BaseExpression]], like: cst.Decorator | None = None) -> cst.Decorator:
    """`@name` or `@name(k=v, ...)` (one argument a line when longer than LINE_LENGTH), keeping the comments above `like`."""
    expr: cst.BaseExpression = keyword_call(name, kwargs) if kwargs else cst.Name(name)
    if isinstance(expr, cst.Call) and len(source_of(expr)) + 1 > LINE_LENGTH:
        expr = one_per_line(expr)
    return cst.Decorator(decorator=expr, leading_lines=like.leading_lines if like is not None else ())


def one_per_line(call: cst.Call) -> cst.Call:
    """`f(\n    a=1,\n    b=2,\n)`: each argument on a line of its own, a trailing comma after the last."""

    def newline(indent: str) -> cst.ParenthesizedWhitespace:
        return cst.ParenthesizedWhitespace(first_line=cst.TrailingWhitespace(), indent=True, last_line=cst.SimpleWhitespace(indent))

    args = [
        a.with_changes(comma=cst.Comma(whitespace_after=newline("" if i == len(call.args) - 1 else "    ")))
        for i, a in enumerate(call.args)
    ]
    return call.with_changes(whitespace_before_args=newline("    "), args=args)


def from_import(module: str, names: Iterable[str]) -> cst.SimpleStatementLine:
    aliases = [cst.ImportAlias(name=cst.Name(n)) for n in sorted(set(names))]
    return cst.SimpleStatementLine(body=[cst.ImportFrom(module=name_or_attr(module), names=aliases)])


def simple_line(small: cst.BaseSmallStatement) -> cst.SimpleStatementLine:
    return cst.SimpleStatementLine(body=[small])


def names_used(module: cst.Module) -> set[str]:
    """Every name a module reads or binds outside its import statements."""
    used: set[str] = set()

    class _Names(cst.CSTVisitor):
        def visit_Import(self, node: cst.Import) -> bool:
            return False

        def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
            return False

        def visit_Name(self, node: cst.Name) -> None:
            used.add(node.value)

    module.visit(_Names())
    return used


def without_orphaned_imports(original: cst.Module, module: cst.Module) -> cst.Module:
    """`module` without the top-level imported names that only the translated-away code used.

    A name the original used and the output no longer does (`timedelta` of an
    `execution_timeout`, `List` of an annotation now `list`) goes; an import the original
    never used (kept for its side effects, say) stays.
    """
    before, after = names_used(original), names_used(module)
    orphaned = before - after
    body: list[cst.BaseStatement] = []
    for stmt in module.body:
        small = stmt.body[0] if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 else None
        if isinstance(small, cst.Import | cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
            kept = [a for a in small.names if _bound(a) not in orphaned]
            if not kept:
                if stmt.leading_lines:  # its comments stay, above what follows
                    body.append(simple_line(cst.Pass()).with_changes(leading_lines=stmt.leading_lines))
                continue
            if len(kept) < len(small.names):
                kept[-1] = kept[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
                stmt = stmt.with_changes(body=[small.with_changes(names=kept)])
        body.append(stmt)
    return module.with_changes(body=_fold_comment_blocks(body))


def _bound(alias: cst.ImportAlias) -> str:
    """The name an import alias binds (`import a.b` binds `a`)."""
    if alias.asname is not None and isinstance(alias.asname.name, cst.Name):
        return alias.asname.name.value
    return source_of(alias.name).split(".")[0]


def _fold_comment_blocks(body: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """Comment-only `pass` placeholders merged into the next statement's leading lines."""
    out: list[cst.BaseStatement] = []
    pending: list[cst.EmptyLine] = []
    for stmt in body:
        if isinstance(stmt, cst.SimpleStatementLine) and len(stmt.body) == 1 and isinstance(stmt.body[0], cst.Pass) and stmt.leading_lines:
            pending.extend(stmt.leading_lines)
            continue
        if pending and isinstance(stmt, cst.SimpleStatementLine | cst.BaseCompoundStatement):
            stmt = stmt.with_changes(leading_lines=[*pending, *stmt.leading_lines])
            pending = []
        out.append(stmt)
    return out


def docstring_count(body: Sequence[cst.BaseStatement]) -> int:
    """1 when the block starts with a docstring, else 0 (where code may be inserted)."""
    if body and isinstance(body[0], cst.SimpleStatementLine) and len(body[0].body) == 1:
        first = body[0].body[0]
        if isinstance(first, cst.Expr) and isinstance(first.value, cst.SimpleString | cst.ConcatenatedString):
            return 1
    return 0
