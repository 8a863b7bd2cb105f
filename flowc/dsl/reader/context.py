"""The diagnostics sink shared by every part of the reader."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from flowc.ir.codes import Code
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span


class Reporter(Protocol):
    def __call__(self, code: Code, span: Span | None, *args: object, hint: str | None = None) -> None: ...


@dataclass
class Diagnostics:
    """Collects every diagnostic of a read (the reader never raises at the user)."""

    items: list[Diagnostic] = field(default_factory=lambda: [])

    def __call__(self, code: Code, span: Span | None, *args: object, hint: str | None = None) -> None:
        self.items.append(Diagnostic.of(code, span, *args, hint=hint))
