"""Lines of source text as Python sees them.

`str.splitlines()` also breaks at form feed, vertical tab, the file/group/record
separators, NEL, U+2028 and U+2029, which Python's tokenizer keeps inside a line: code
split that way changes the values of strings and comments that hold them. Python ends
a line at `\\n`, `\\r\\n` and `\\r` only, and so does everything here.

>>> split_lines("a = 'x\\u2028y'\\r\\nb\\x0c\\n")
["a = 'x\\u2028y'", 'b\\x0c']
>>> split_lines("a\\rb", keepends=True)
['a\\r', 'b']
"""

from __future__ import annotations

import re

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """`text.splitlines(keepends)`, breaking only where Python ends a line."""
    lines: list[str] = _LINE.findall(text)
    if keepends:
        return lines
    return [_BREAK.sub("", line) for line in lines]


def normalize_newlines(text: str) -> str:
    """`text` with every line ending as `\\n` (what Python reads `\\r\\n` and `\\r` as)."""
    return _BREAK.sub("\n", text)
