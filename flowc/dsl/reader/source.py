"""Reading one file: bytes to text, text to a libcst tree and an `ast` position index."""

from __future__ import annotations

import ast
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from flowc.dsl.reader.positions import Positions
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span

_NEWLINE = re.compile(r"\r\n|\r|\n")


@dataclass
class SourceFile:
    """One parsed file: its text, libcst module, `ast` module and positions."""

    path: str
    text: str
    module: cst.Module
    tree: ast.Module
    positions: Positions


def read_text(path: str, file: Path) -> tuple[str | None, Diagnostic | None]:
    """The file's text, or a diagnostic when it cannot be read as UTF-8."""
    try:
        data = file.read_bytes()
    except OSError as exc:
        return None, Diagnostic.of(codes.FILE_NOT_FOUND, None, f"{path} ({exc.strerror or exc})")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        return None, Diagnostic.of(codes.NOT_UTF8, Span(path=path, line=line, col=col, end_line=line, end_col=col + 1), path)


def parse(path: str, text: str) -> tuple[SourceFile | None, Diagnostic | None]:
    """Parse `text`; a syntax error either parser finds becomes FLC002 at its position."""
    lines = _NEWLINE.split(text)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text, filename=path)
    except SyntaxError as exc:
        return None, _syntax(path, lines, exc.lineno or 1, exc.offset or 1, exc.msg)
    except (ValueError, RecursionError, MemoryError) as exc:
        return None, _syntax(path, lines, 1, 1, str(exc) or type(exc).__name__)
    try:
        module = cst.parse_module(text)
    except cst.ParserSyntaxError as exc:
        return None, _syntax(path, lines, exc.editor_line, exc.editor_column, exc.message)
    except (RecursionError, MemoryError, ValueError) as exc:  # pathological nesting
        return None, _syntax(path, lines, 1, 1, str(exc) or type(exc).__name__)
    return SourceFile(path, text, module, tree, Positions(path, lines)), None


def _syntax(path: str, lines: list[str], line: int, col: int, message: str) -> Diagnostic:
    line = min(max(line, 1), max(len(lines), 1))
    col = max(col, 1)
    span = Span(path=path, line=line, col=col, end_line=line, end_col=col + 1)
    return Diagnostic.of(codes.SYNTAX_ERROR, span, message)
