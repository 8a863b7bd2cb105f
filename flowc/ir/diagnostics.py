"""Diagnostics: the one model every layer reports user mistakes with, and its renderings.

A diagnostic has a code from `flowc.ir.codes`, a message, a span and a hint. The
reader, the IR validator and the backends collect them (never raise them at the
user) and the CLI renders them all, as text with the source line and a caret, as
JSON, or as GitHub workflow commands.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from typing import Literal

from flowc.ir.base import IRModel
from flowc.ir.codes import Code
from flowc.ir.span import Span

Severity = Literal["error", "warning"]


class Diagnostic(IRModel):
    """One problem found in user input, located at `span`."""

    code: str
    severity: Severity = "error"
    message: str
    span: Span | None = None
    hint: str | None = None

    @classmethod
    def of(cls, code: Code, span: Span | None, *args: object, hint: str | None = None, **kwargs: object) -> Diagnostic:
        """Build a diagnostic from a registry entry, formatting its message with `args`."""
        return cls(
            code=code.code,
            severity=code.severity,
            message=code.message.format(*args, **kwargs),
            span=span,
            hint=hint if hint is not None else code.hint,
        )

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple[str, int, int, str]:
        if self.span is None:
            return ("", 0, 0, self.code)
        return (self.span.path, self.span.line, self.span.col, self.code)


class CompileError(Exception):
    """Raised inside the library when a stage cannot go on; carries its diagnostics."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__("\n".join(d.message for d in diagnostics))
        self.diagnostics = list(diagnostics)


def has_errors(diagnostics: Iterable[Diagnostic]) -> bool:
    return any(d.is_error for d in diagnostics)


def fails(diagnostics: Iterable[Diagnostic], strict: bool = False) -> bool:
    """Whether a check or compile with these diagnostics fails: on an error; with `strict`
    (`--strict`, `[tool.flowc] strict`) on a warning too. A warning alone never fails otherwise."""
    return any(d.is_error or strict for d in diagnostics)


def counts(diagnostics: Iterable[Diagnostic]) -> str:
    """`2 error(s), 1 warning(s)`, naming only what there is ("" for nothing).

    >>> counts([Diagnostic(code="FLC505", severity="warning", message="m")])
    '1 warning(s)'
    """
    found = list(diagnostics)
    errors = sum(d.is_error for d in found)
    parts = [f"{errors} error(s)" if errors else "", f"{len(found) - errors} warning(s)" if len(found) > errors else ""]
    return ", ".join(p for p in parts if p)


def sorted_diagnostics(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Diagnostics in file, line, column, code and message order (a total order: the same
    diagnostics come out the same however they were found), duplicates removed."""
    seen: set[tuple[object, ...]] = set()
    out: list[Diagnostic] = []
    for d in sorted(diagnostics, key=lambda d: (*d.sort_key(), d.message)):
        key = (d.code, d.message, d.span)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out


# Source lines longer than this are shown as a window around the caret.
ECHO_WIDTH = 160
# Controls, line and paragraph separators and bidi overrides would reach the terminal
# as escape sequences or reorder the shown line: each is shown as one U+FFFD.
_UNSHOWABLE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def render_text(d: Diagnostic, source_lines: Sequence[str] | None = None) -> str:
    """`path:line:col: error[FLC001]: message`, the source line with a caret, the hint.

    `source_lines` must be split the way Python counts lines (`flowc.ir.span.source_lines`).
    """
    where = f"{d.span}: " if d.span else ""
    # One line whatever a path or message holds: a file named "a\nerror[...]" forges nothing.
    lines = [_UNSHOWABLE.sub(_escaped, f"{where}{d.severity}[{d.code}]: {d.message}")]
    if d.span and source_lines and 0 < d.span.line <= len(source_lines):
        text = _UNSHOWABLE.sub("\ufffd", source_lines[d.span.line - 1].expandtabs(1))
        width = max(1, d.span.end_col - d.span.col) if d.span.end_line == d.span.line else max(1, len(text) - d.span.col + 1)
        shown, col, width = echo_window(text, d.span.col, width)
        gutter = f"{d.span.line:>4} | "
        lines.append(gutter + shown)
        lines.append(" " * (len(gutter) + col - 1) + "^" * width)
    if d.hint:
        lines.append(f"  = hint: {d.hint}")
    return "\n".join(lines)


def _escaped(found: re.Match[str]) -> str:
    return found.group().encode("unicode_escape").decode("ascii")


def echo_window(text: str, col: int, width: int, limit: int = ECHO_WIDTH) -> tuple[str, int, int]:
    """The part of a long line shown around a caret at `col` (1-based): (text, caret column, caret width).

    >>> echo_window("abcdefghij", 8, 1, limit=4)
    ('…ghij', 3, 1)
    """
    if len(text) <= limit:
        return text, col, width
    start = max(0, min(col - 1 - limit // 3, len(text) - limit))
    end = start + limit
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(text) else ""
    caret = col - start + len(prefix)
    return prefix + text[start:end] + suffix, caret, max(1, min(width, end - col + 1))


def render_json(diagnostics: Sequence[Diagnostic]) -> str:
    return json.dumps([d.model_dump(mode="json") for d in diagnostics], indent=2, sort_keys=True)


def github_data(s: str) -> str:
    """`s` escaped as the message of a GitHub Actions workflow command."""
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def github_property(s: str) -> str:
    """`s` escaped as a property (`file=`, `title=`) of a GitHub Actions workflow command."""
    return github_data(s).replace(":", "%3A").replace(",", "%2C")


def render_github(d: Diagnostic) -> str:
    """A GitHub Actions workflow command, so CI annotates the pull request."""
    esc, esc_prop = github_data, github_property
    level = "error" if d.is_error else "warning"
    props = ""
    if d.span:
        props = (
            f" file={esc_prop(d.span.path)},line={d.span.line},col={d.span.col},"
            f"endLine={d.span.end_line},endColumn={d.span.end_col},title={esc_prop(d.code)}"
        )
    message = d.message + (f" (hint: {d.hint})" if d.hint else "")
    return f"::{level}{props}::{esc(message)}"
