"""Positions between flowc and the editor: flowc spans count 1-based lines and characters;
LSP counts 0-based lines and code units of the negotiated encoding (UTF-16 unless the
client offers another).

Both split lines only at `\\n`, `\\r\\n` and `\\r` (LSP's rule is Python's tokenizer's,
`flowc.ir.span.source_lines`), so a U+2028 or a form feed in a file shifts nothing.

>>> text = Lines("x = '😋'  # é\\n")
>>> where = text.to_client(1, 9, "utf-16")  # 8 characters before column 9; the emoji is two units
>>> where.line, where.character
(0, 9)
>>> text.from_client(where, "utf-16")
(1, 9)
"""

from __future__ import annotations

from lsprotocol.types import Position, Range

from flowc.ir.span import Span, source_lines

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"


def units(text: str, encoding: str) -> int:
    """How many code units of `encoding` `text` takes.

    >>> units("a😋é", "utf-16"), units("a😋é", "utf-8"), units("a😋é", "utf-32")
    (4, 7, 3)
    """
    if encoding == UTF32 or text.isascii():
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


class Lines:
    """One document's lines, for converting positions in it."""

    def __init__(self, text: str) -> None:
        self.lines = source_lines(text)

    def line(self, number: int) -> str:
        """Line `number` (1-based); empty past the end."""
        return self.lines[number - 1] if 0 < number <= len(self.lines) else ""

    def to_client(self, line: int, col: int, encoding: str) -> Position:
        """1-based line and character column to an LSP position (clamped into the document)."""
        line = min(max(line, 1), len(self.lines))
        text = self.line(line)
        return Position(line=line - 1, character=units(text[: max(col - 1, 0)], encoding))

    def from_client(self, position: Position, encoding: str) -> tuple[int, int]:
        """An LSP position to a 1-based line and character column (a unit inside a character counts as it)."""
        text = self.line(position.line + 1)
        if encoding == UTF32 or text.isascii():
            return position.line + 1, min(position.character, len(text)) + 1
        seen = 0
        for index, char in enumerate(text):
            if seen >= position.character:
                return position.line + 1, index + 1
            seen += units(char, encoding)
        return position.line + 1, len(text) + 1

    def range(self, span: Span, encoding: str) -> Range:
        return Range(start=self.to_client(span.line, span.col, encoding), end=self.to_client(span.end_line, span.end_col, encoding))


def contains(span: Span, line: int, col: int) -> bool:
    """Whether 1-based (`line`, `col`) lies in `span` (its end included, where a cursor after a call still is)."""
    return (span.line, span.col) <= (line, col) <= (span.end_line, span.end_col)
