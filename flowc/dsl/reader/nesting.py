"""Where a file nests too deeply, found without recursion.

Python's parser gives up on very deep expressions (`-----...1`, `a.b.b.b...`, long
chains of `lambda:`) with a RecursionError or MemoryError that carries no position,
and the reader's own recursive walks can hit the interpreter's limit on trees that
`ast` still builds. When `ast` can build the tree, the answer is the start of the
repetition on its deepest path; when it cannot, the tokenizer (which never recurses)
picks the logical line with the most operators and keywords that build nested nodes.
"""

from __future__ import annotations

import ast
import io
import keyword
import tokenize
import warnings
from dataclasses import dataclass, field

from flowc.dsl.reader.positions import Positions
from flowc.ir.span import Span, source_lines

# Operators that do not add a level to the syntax tree when repeated: separators,
# closing brackets, assignments (a long flat list or dict is not deep).
_FLAT = frozenset({",", ")", "]", "}", ";", ":", "=", "->"})
_COMPARISONS = frozenset({"==", "!=", "<=", ">="})
_NESTING_KEYWORDS = frozenset({"not", "lambda", "if", "else", "and", "or", "await", "yield"})
# A node starts the deep part when its type comes back within this many steps down.
_REPEAT_WINDOW = 4


def deepest_expression(path: str, text: str) -> Span:
    """Where the most deeply nested expression of `text` starts (1:1 when nothing can tell).

    >>> str(deepest_expression("f.py", "x = 1\\ny = f(a=-(-(-(-(-1)))))\\n"))
    'f.py:2:9'
    >>> str(deepest_expression("f.py", "x = 1\\ny = a + b + c\\nz = [1, 2, 3, 4]\\n"))
    'f.py:2:5'
    >>> _in_tokens("if x:\\n    pass\\n" + "elif x:\\n    pass\\n" * 5 + "y = -(-(1))\\n")
    (1, 1)
    """
    node = _in_tree(text)
    found = Positions(path, source_lines(text)).of_ast(node) if node is not None else None
    if found is not None:
        return Span(path=path, line=found.line, col=found.col, end_line=found.line, end_col=found.col + 1)
    line, col = _in_tokens(text)
    return Span(path=path, line=line, col=col, end_line=line, end_col=col + 1)


def _in_tree(text: str) -> ast.AST | None:
    """The node where the repetition on the deepest path of the tree starts, if `ast` can build it."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    path = _deepest_path(tree)
    for index, node in enumerate(path):
        later = path[index + 1 : index + 1 + _REPEAT_WINDOW]
        if hasattr(node, "lineno") and any(type(n) is type(node) for n in later):
            return node
    return None


def _deepest_path(tree: ast.AST) -> list[ast.AST]:
    """The chain of nodes from `tree` down to its deepest leaf (heights computed bottom-up, iteratively)."""
    height: dict[int, int] = {}
    below: dict[int, ast.AST] = {}
    pending: list[tuple[ast.AST, bool]] = [(tree, False)]
    while pending:
        node, children_done = pending.pop()
        children = list(ast.iter_child_nodes(node))
        if not children_done:
            pending.append((node, True))
            pending.extend((child, False) for child in children)
            continue
        deepest = max(children, key=lambda c: height[id(c)], default=None)
        height[id(node)] = 1 + (height[id(deepest)] if deepest is not None else 0)
        if deepest is not None:
            below[id(node)] = deepest
    path = [tree]
    while id(path[-1]) in below:
        path.append(below[id(path[-1])])
    return path


def _in_tokens(text: str) -> tuple[int, int]:
    """Where the longest run of nesting starts: the first nesting token of the logical line
    with the most of them, or the `if` of the longest `elif` chain (each `elif` nests the
    next `if` in the tree); (1, 1) if none."""
    scan = _TokenScan()
    try:
        for tok in tokenize.generate_tokens(io.StringIO(text).readline):
            scan.token(tok)
    except (tokenize.TokenError, SyntaxError, ValueError, MemoryError):
        pass
    scan.finish()
    return scan.best[1], scan.best[2]


@dataclass
class _TokenScan:
    """Scores logical lines and `elif` chains as the tokens go by."""

    best: tuple[int, int, int] = (0, 1, 1)  # (score, line, col)
    score: int = 0
    first: tuple[int, int] = (1, 1)
    depth: int = 0
    line_start: bool = True
    chains: dict[int, tuple[int, int, int]] = field(default_factory=lambda: {})  # depth -> (elifs, line, col)

    def token(self, tok: tokenize.TokenInfo) -> None:
        if tok.type == tokenize.INDENT:
            self.depth += 1
        elif tok.type == tokenize.DEDENT:
            self._close(self.depth)
            self.depth -= 1
        elif tok.type in (tokenize.NEWLINE, tokenize.ENDMARKER):
            self._offer(self.score, *self.first)
            self.score, self.line_start = 0, True
        elif tok.type not in (tokenize.NL, tokenize.COMMENT):
            if self.line_start:
                self.line_start = False
                self._statement(tok)
            if _nests(tok):
                if self.score == 0:
                    self.first = (tok.start[0], tok.start[1] + 1)
                self.score += 1

    def finish(self) -> None:
        self._offer(self.score, *self.first)
        for depth in list(self.chains):
            self._close(depth)

    def _statement(self, tok: tokenize.TokenInfo) -> None:
        word = tok.string if tok.type == tokenize.NAME else ""
        if word == "elif" and self.depth in self.chains:
            count, line, col = self.chains[self.depth]
            self.chains[self.depth] = (count + 1, line, col)
        elif word != "else":
            self._close(self.depth)
            if word == "if":
                self.chains[self.depth] = (0, tok.start[0], tok.start[1] + 1)

    def _close(self, depth: int) -> None:
        for level in [d for d in self.chains if d >= depth]:
            self._offer(*self.chains.pop(level))

    def _offer(self, score: int, line: int, col: int) -> None:
        if score > self.best[0]:
            self.best = (score, line, col)


def _nests(tok: tokenize.TokenInfo) -> bool:
    if tok.type == tokenize.OP:
        augmented = tok.string.endswith("=") and tok.string not in _COMPARISONS
        return tok.string not in _FLAT and not augmented
    return tok.type == tokenize.NAME and tok.string in _NESTING_KEYWORDS and keyword.iskeyword(tok.string)
