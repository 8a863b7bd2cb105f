"""Source positions carried by every IR node that came from user code."""

from __future__ import annotations

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
