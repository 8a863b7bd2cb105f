"""What the server knows between messages: open documents, each project's last check, what it published.

No protocol here: `server.py` feeds documents in and sends what `publications` returns.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types as lsp

from flowc.api import Loaded
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span
from flowc.lsp.analysis import Check, Document, project_of, read_documents, settings_for
from flowc.lsp.calls import Call
from flowc.lsp.diagnostics import by_uri
from flowc.lsp.positions import Lines


@dataclass
class Project:
    """One project's checked documents, and the text of every open document, as of one check."""

    config_file: Path | None
    documents: list[Document]
    overlays: dict[Path, str]


@dataclass
class Session:
    """Open pipeline documents by URI; per project (its pyproject.toml), the current check and the last engine diagnostics."""

    documents: dict[str, Document] = field(default_factory=lambda: {})
    checks: dict[Path | None, Check] = field(default_factory=lambda: {})
    published: dict[str, list[lsp.Diagnostic]] = field(default_factory=lambda: {})
    engine: dict[Path | None, list[Diagnostic]] = field(default_factory=lambda: {})  # the last engine diagnostics

    # ---------------------------------------------------------------- documents

    def projects(self) -> list[Project]:
        """The checked documents grouped by project, each group in the order they were opened."""
        groups: dict[Path | None, list[Document]] = {}
        for document in self.documents.values():
            if document.checked:
                groups.setdefault(project_of(document), []).append(document)
        overlays = {d.file: d.text for d in self.documents.values()}
        return [Project(key, docs, overlays) for key, docs in groups.items()]

    def affects_checks(self, before: Document | None, after: Document | None) -> bool:
        """Whether a document's change can change a check: it is (or was) checked, or a check read it."""
        if any(d is not None and d.checked for d in (before, after)):
            return True
        files = {str(d.file) for d in (before, after) if d is not None}
        return any(not files.isdisjoint(check.sources) for check in self.checks.values())

    # ------------------------------------------------------------------- checks

    def read(self, project: Project) -> Check:
        """The first step of a project's check (run off the event loop: it parses)."""
        settings = settings_for(project.config_file)
        return Check(project.documents, settings, read_documents(project.documents, settings, project.overlays))

    def record(self, check: Check) -> None:
        """`check` (its first step done) is now its project's current one."""
        key = check.settings.config_file
        check.carry_over(self.engine.get(key, []))
        self.checks[key] = check

    def completed(self, check: Check, compiled: Loaded) -> None:
        """The second step of `check` has run (`analysis.check_documents`; only when `check.runs_engines`)."""
        check.complete(compiled)
        self.engine[check.settings.config_file] = check.engine

    def forget_closed(self, projects: list[Project]) -> None:
        """Drop what is known of projects with no open document left."""
        keep = {p.config_file for p in projects}
        self.checks = {k: c for k, c in self.checks.items() if k in keep}
        self.engine = {k: e for k, e in self.engine.items() if k in keep}

    # -------------------------------------------------------------- publishing

    def publications(self, encoding: str) -> dict[str, list[lsp.Diagnostic]]:
        """Every URI whose diagnostics changed since they were last published, with its new list."""
        current: dict[str, list[lsp.Diagnostic]] = {}
        for check in self.checks.values():
            uris = {str(d.file): d.uri for d in check.documents}
            for uri, found in by_uri(check.diagnostics, check.sources, uris, encoding).items():
                current.setdefault(uri, []).extend(found)
        changed = {uri: found for uri, found in current.items() if self.published.get(uri) != found}
        changed.update({uri: [] for uri, was in self.published.items() if was and uri not in current})
        self.published = {uri: found for uri, found in current.items() if found}
        return changed

    # ------------------------------------------------------- hover, definition

    def call_at(self, uri: str, position: lsp.Position, encoding: str) -> tuple[Check, Call] | None:
        """The check that read document `uri` and the call at `position` in it."""
        for check in self.checks.values():
            document = check.document(uri)
            text = check.sources.get(str(document.file)) if document is not None else None
            if document is None or text is None:
                continue
            line, col = Lines(text).from_client(position, encoding)
            found = check.calls.at(str(document.file), line, col)
            return (check, found) if found is not None else None
        return None

    def uri_of(self, path: str) -> str:
        """The URI the editor knows `path` by (its own for open documents)."""
        from pygls.uris import from_fs_path

        opened = next((d.uri for d in self.documents.values() if str(d.file) == path), None)
        return opened or from_fs_path(str(Path(path).absolute())) or path

    def range_of(self, span: Span, sources: Mapping[str, str], encoding: str) -> lsp.Range:
        text = sources.get(span.path, "")
        return Lines(text).range(span, encoding)
