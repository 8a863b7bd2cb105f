"""Reading one file: bytes to text, text to a libcst tree and an `ast` position index."""

from __future__ import annotations

import ast
import io
import tokenize
import warnings
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from flowc.dsl.reader.files import read_source_bytes
from flowc.dsl.reader.nesting import deepest_expression
from flowc.dsl.reader.positions import Positions
from flowc.dsl.reader.reparse import TreeMemory
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span, source_lines

_trees: TreeMemory | None = None  # the language server's: see `remember_trees`


def remember_trees(memory: TreeMemory | None) -> None:
    """Parse each file from its last tree when one line changed (`reparse.py`): the language
    server reads the open files again on every change. None: parse every file whole (the CLI)."""
    global _trees
    _trees = memory


@dataclass
class SourceFile:
    """One parsed file: its text, libcst module, `ast` module and positions."""

    path: str
    text: str
    module: cst.Module
    tree: ast.Module
    positions: Positions


def read_text(path: str, file: Path) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic when it is not a readable, bounded UTF-8 regular file."""
    data, problem = read_source_bytes(path, file)
    if data is None:
        return None, problem
    return decode_source(path, data)


def decode_source(path: str, data: bytes) -> tuple[str | None, Diagnostic | None]:
    """Bytes to text as Python decodes a module: UTF-8, or the encoding a `# coding:` line declares.

    >>> decode_source("f.py", b"# coding: latin-1\\nX = '\\xe9'\\n")[0]
    "# coding: latin-1\\nX = 'é'\\n"
    >>> str(decode_source("f.py", b"x = 1\\ny = '\\xff'\\n")[1].span)
    'f.py:2:6'
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # an unknown encoding, or a BOM with a cookie that is not UTF-8
        line = next((n for n, text in enumerate(data.splitlines()[:2], start=1) if b"coding" in text), 1)
        return None, Diagnostic.of(codes.SYNTAX_ERROR, Span(path=path, line=line, col=1, end_line=line, end_col=2), exc.msg)
    try:
        return data.decode(encoding), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        span = Span(path=path, line=line, col=col, end_line=line, end_col=col + 1)
        return None, Diagnostic.of(codes.NOT_UTF8, span, path, "UTF-8" if encoding.startswith("utf-8") else encoding)


def parse(path: str, text: str) -> tuple[SourceFile | None, Diagnostic | None]:
    """Parse `text`; a syntax error either parser finds becomes FLC002 at its position."""
    lines = source_lines(text)
    nul = text.find("\0")
    if nul >= 0:  # both parsers refuse it without saying where
        line, col = line_col(text, nul)
        return None, _syntax(path, lines, line, col, "null byte in the source")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=path)
        module = _trees.parse(path, text, tree) if _trees is not None else cst.parse_module(text)
    except SyntaxError as exc:
        return None, _syntax(path, lines, exc.lineno or 1, exc.offset or 1, exc.msg)
    except cst.ParserSyntaxError as exc:
        return None, _syntax(path, lines, exc.editor_line, exc.editor_column, exc.message)
    except (RecursionError, MemoryError):  # past the parser's nesting limit
        return None, Diagnostic.of(codes.NESTED_TOO_DEEPLY, deepest_expression(path, text), "Python's parser")
    except ValueError as exc:
        return None, _syntax(path, lines, 1, 1, str(exc) or type(exc).__name__)
    return SourceFile(path, text, module, tree, Positions(path, lines)), None


def line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of character `index`, counting lines as Python does."""
    before = source_lines(text[:index])
    return len(before), len(before[-1]) + 1


def _syntax(path: str, lines: list[str], line: int, col: int, message: str) -> Diagnostic:
    line = min(max(line, 1), max(len(lines), 1))
    col = max(col, 1)
    span = Span(path=path, line=line, col=col, end_line=line, end_col=col + 1)
    return Diagnostic.of(codes.SYNTAX_ERROR, span, message)
