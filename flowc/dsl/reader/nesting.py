"""Where a file nests too deeply for Python's parser, found without parsing it.

`ast.parse` gives up on very deep expressions (`-----...1`, `a.b.b.b...`, long chains
of `lambda:`) with a RecursionError or MemoryError that carries no position. The
tokenizer is iterative and never gives up that way, so the position is recovered
from tokens: the logical line with the most operators and keywords that build
nested nodes, at its first such token.
"""

from __future__ import annotations

import io
import keyword
import tokenize

from flowc.ir.span import Span

# Operators that do not add a level to the syntax tree when repeated: separators,
# closing brackets, assignments (a long flat list or dict is not deep).
_FLAT = frozenset({",", ")", "]", "}", ";", ":", "=", "->"})
_COMPARISONS = frozenset({"==", "!=", "<=", ">="})
_NESTING_KEYWORDS = frozenset({"not", "lambda", "if", "else", "and", "or", "await", "yield"})


def deepest_expression(path: str, text: str) -> Span:
    """Where the most nested logical line of `text` starts nesting (1:1 if the tokenizer cannot tell).

    >>> str(deepest_expression("f.py", "x = 1\\ny = a + b + c\\nz = [1, 2, 3, 4]\\n"))
    'f.py:2:7'
    """
    line, col = _deepest(text)
    return Span(path=path, line=line, col=col, end_line=line, end_col=col + 1)


def _deepest(text: str) -> tuple[int, int]:
    best: tuple[int, int, int] = (0, 1, 1)  # (score, line, col)
    score, first = 0, (1, 1)
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            if tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
                if score > best[0]:
                    best = (score, *first)
                score = 0
            elif _nests(tok):
                if score == 0:
                    first = (tok.start[0], tok.start[1] + 1)
                score += 1
    except (tokenize.TokenError, SyntaxError, ValueError, MemoryError):
        pass
    if score > best[0]:
        best = (score, *first)
    return best[1], best[2]


def _nests(tok: tokenize.TokenInfo) -> bool:
    if tok.type == tokenize.OP:
        augmented = tok.string.endswith("=") and tok.string not in _COMPARISONS
        return tok.string not in _FLAT and not augmented
    return tok.type == tokenize.NAME and tok.string in _NESTING_KEYWORDS and keyword.iskeyword(tok.string)
