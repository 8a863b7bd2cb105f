"""flowc's diagnostics as the editor shows them: per document, LSP ranges, severity, code and hint."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from lsprotocol import types as lsp
from pygls.uris import from_fs_path

from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span
from flowc.lsp.positions import Lines

SOURCE = "flowc"
_SEVERITY = {"error": lsp.DiagnosticSeverity.Error, "warning": lsp.DiagnosticSeverity.Warning}
_FILE_START = lsp.Range(start=lsp.Position(line=0, character=0), end=lsp.Position(line=0, character=0))


def to_lsp(d: Diagnostic, lines: Lines | None, encoding: str) -> lsp.Diagnostic:
    """One diagnostic: the span as a range in `encoding`'s code units, the hint on a line of its own."""
    message = d.message + (f"\nhint: {d.hint}" if d.hint else "")
    return lsp.Diagnostic(range=_range(d.span, lines, encoding), message=message, severity=_SEVERITY[d.severity], code=d.code, source=SOURCE)


def _range(span: Span | None, lines: Lines | None, encoding: str) -> lsp.Range:
    if span is None:
        return _FILE_START
    if lines is None:  # a file the check did not read (pyproject.toml): count characters
        start = lsp.Position(line=max(span.line - 1, 0), character=max(span.col - 1, 0))
        return lsp.Range(start=start, end=lsp.Position(line=max(span.end_line - 1, 0), character=max(span.end_col - 1, 0)))
    return lines.range(span, encoding)


def by_uri(
    diagnostics: Sequence[Diagnostic],
    sources: Mapping[str, str],
    uris: Mapping[str, str],
    encoding: str,
) -> dict[str, list[lsp.Diagnostic]]:
    """Diagnostics grouped by the URI of the file they point into.

    `uris` maps the paths the check was given to the URIs the editor opened them as
    (a symlinked folder keeps the editor's name); other files get a `file:` URI. A
    diagnostic without a span (a whole-program limit of an engine) is shown at the top
    of every checked document if it is an error; an unlocated warning (an image that may
    lack flytekit) is about the project, not a file, and is left to `flowc check`.
    """
    lines: dict[str, Lines] = {}
    out: dict[str, list[lsp.Diagnostic]] = {uri: [] for uri in uris.values()}
    for d in diagnostics:
        if d.span is None:
            if not d.is_error:
                continue
            for uri in uris.values():
                out[uri].append(to_lsp(d, None, encoding))
            continue
        path = d.span.path
        if path not in lines and path in sources:
            lines[path] = Lines(sources[path])
        uri = uris.get(path) or from_fs_path(str(Path(path).absolute())) or path
        out.setdefault(uri, []).append(to_lsp(d, lines.get(path), encoding))
    return out
