"""Reading one file: bytes to text, text to a libcst tree and an `ast` position index."""

from __future__ import annotations

import ast
import errno
import io
import os
import stat
import tokenize
import warnings
from dataclasses import dataclass
from pathlib import Path

import libcst as cst

from flowc.dsl.reader.nesting import deepest_expression
from flowc.dsl.reader.positions import Positions
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span, source_lines

# Larger files are refused: flowc reads pipeline modules, not data.
MAX_SOURCE_BYTES = 10 * 1024 * 1024


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
    if not _encodable(path):
        shown = printable_path(path)
        return None, Diagnostic.of(codes.BAD_FILE_NAME, file_span(shown))
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


def read_source_bytes(path: str, file: Path) -> tuple[bytes | None, Diagnostic | None]:
    """At most MAX_SOURCE_BYTES of a regular file; pipes, devices and sockets are never opened.

    `stat` decides before anything is opened (opening a FIFO blocks, reading
    /dev/zero never ends); the open is non-blocking and checked again with `fstat`, so
    a file swapped for a FIFO in between cannot hang the read either.
    """
    try:
        kind = _kind(os.stat(file).st_mode)
        if kind is not None:
            return None, Diagnostic.of(codes.NOT_A_FILE, file_span(path), kind)
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
        with os.fdopen(fd, "rb") as stream:
            kind = _kind(os.fstat(stream.fileno()).st_mode)
            data = stream.read(MAX_SOURCE_BYTES + 1) if kind is None else b""
    except OSError as exc:
        return None, _os_problem(path, exc)
    if kind is not None:
        return None, Diagnostic.of(codes.NOT_A_FILE, file_span(path), kind)
    if len(data) > MAX_SOURCE_BYTES:
        return None, Diagnostic.of(codes.FILE_TOO_LARGE, file_span(path), MAX_SOURCE_BYTES)
    return data, None


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    kinds = {stat.S_ISDIR: "a directory", stat.S_ISFIFO: "a named pipe", stat.S_ISCHR: "a character device",
             stat.S_ISBLK: "a block device", stat.S_ISSOCK: "a socket"}
    return next((word for test, word in kinds.items() if test(mode)), "not a regular file")


def _os_problem(path: str, exc: OSError) -> Diagnostic:
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        return Diagnostic.of(codes.FILE_NOT_FOUND, None, path)
    reason = exc.strerror or type(exc).__name__
    return Diagnostic.of(codes.CANNOT_READ, file_span(path), path, reason)


def file_span(path: str) -> Span:
    """Where a problem with a whole file is reported: its first character."""
    return Span(path=path, line=1, col=1, end_line=1, end_col=1)


def _encodable(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def printable_path(path: str) -> str:
    """A path as text that can be shown and written: undecodable bytes as `\\xff` escapes."""
    try:
        return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that does not stand for a byte
        return path.encode("utf-8", "backslashreplace").decode("utf-8")


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
        module = cst.parse_module(text)
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
