"""Source positions carried by every IR node that came from user code."""

from __future__ import annotations

import re

from flowc.ir.base import IRModel


class Span(IRModel):
    """A range in a source file: 1-based lines, 1-based columns (as editors show them)."""

    path: str
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}"


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def source_lines(text: str) -> list[str]:
    """`text` split into lines the way Python's tokenizer counts them: at `\\n`, `\\r\\n` and `\\r` only.

    `str.splitlines()` also breaks at U+2028/U+2029, NEL, form feed, VT and a few
    others, which Python treats as ordinary characters: using it would shift every
    line number after such a character.

    >>> source_lines("a\\u2028b\\r\\nc\\x0cd\\re")
    ['a\\u2028b', 'c\\x0cd', 'e']
    """
    return _LINE_BREAK.split(text)
