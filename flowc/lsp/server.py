"""`flowc lsp`: the language server's wiring (pygls over stdin/stdout).

Documents are synced whole (`TextDocumentSyncKind.Full`): flowc counts lines as Python
does, and a document is never patched with another line splitting rule. Every change
schedules a check of the open documents (`debounce.py`); hover and go to definition
answer from the last check, so they never wait for one.
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from collections.abc import Callable, Generator
from contextlib import contextmanager

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

import flowc
from flowc.dsl.reader.files import real_path
from flowc.dsl.reader.reparse import TreeMemory
from flowc.dsl.reader.source import remember_trees
from flowc.lsp.analysis import Check, Document, check_documents, is_python_file
from flowc.lsp.debounce import Debouncer
from flowc.lsp.definition import definition_span
from flowc.lsp.hover import hover_markdown
from flowc.lsp.session import Project, Session

DEBOUNCE_SECONDS = 0.03


class FlowcServer(LanguageServer):
    """The server's state: a `Session` and the debouncer that schedules its checks."""

    def __init__(self) -> None:
        # pygls leaves its own *args/**kwargs untyped
        super().__init__("flowc", flowc.__version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Full)  # pyright: ignore[reportUnknownMemberType]
        self.session = Session()
        self.checks = Debouncer(self.check_open_documents, DEBOUNCE_SECONDS, self.report_failure)

    @property
    def encoding(self) -> str:
        """The position encoding agreed with the client (UTF-16 unless it offered another)."""
        return str(self.workspace.position_encoding or lsp.PositionEncodingKind.Utf16)

    def track(self, uri: str, saved: bool = False) -> None:
        """Take the editor's current text of `uri`; check again if that can change what a check finds."""
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        file = real_path(path) if path else None
        before = self.session.documents.pop(uri, None)
        after = Document(uri, file, document.source, document.version) if file is not None and is_python_file(file) else None
        if after is not None:
            self.session.documents[uri] = after
        if saved or self.session.affects_checks(before, after):
            self.checks.poke()

    def untrack(self, uri: str) -> None:
        if self.session.affects_checks(self.session.documents.pop(uri, None), None):
            self.checks.poke()

    async def check_open_documents(self) -> None:
        """Check every project with open documents: first what reading finds, then the engines' checks.

        Ends with a log message giving the times (wall clock; CPU time of reading).
        """
        started = time.perf_counter()
        projects = self.session.projects()
        self.session.forget_closed(projects)
        checks: list[Check] = []
        cpu = 0.0
        with collector_paused():
            for project in projects:
                check, seconds = await asyncio.to_thread(_timed, self.session.read, project)
                self.session.record(check)
                checks.append(check)
                cpu += seconds
                self.publish()
        first = time.perf_counter() - started
        for check in checks:
            if self.checks.pending:  # the text changed again: the next run checks the new text
                return
            if check.runs_engines:  # else the last engine diagnostics stay known, for when reading succeeds again
                self.session.completed(check, await asyncio.to_thread(check_documents, check.written, check.settings))
                self.publish()
        files = sum(len(c.sources) for c in checks)
        took = time.perf_counter() - started
        message = f"flowc: checked {files} file(s) in {took:.3f} s; read and validated in {first:.3f} s, {cpu:.3f} s of CPU"
        self.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Log, message=message))

    def report_failure(self, exc: BaseException) -> None:
        """A check failed inside flowc: say so in the editor, as the CLI's last line of defence does."""
        message = f"flowc lsp: internal error: {type(exc).__name__}: {exc} (a bug in flowc; the server's stderr has the traceback)"
        self.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Error, message=message))

    def publish(self) -> None:
        versions = {d.uri: d.version for c in self.session.checks.values() for d in c.documents}
        for uri, found in self.session.publications(self.encoding).items():
            params = lsp.PublishDiagnosticsParams(uri=uri, diagnostics=found, version=versions.get(uri))
            self.text_document_publish_diagnostics(params)


def _timed(read: Callable[[Project], Check], project: Project) -> tuple[Check, float]:
    """`read(project)` and the CPU time it took (of this thread: what a busy machine does not inflate)."""
    start = time.thread_time()
    check = read(project)
    return check, time.thread_time() - start


@contextmanager
def collector_paused() -> Generator[None]:
    """Python's cyclic garbage collector waits until the first diagnostics are out.

    A read builds some 10^5 objects (a 2,000-step file); the collection they would
    trigger on the way (a quarter of the read's time) runs afterwards instead, while the
    engines' checks run. The reader itself pauses the collector the same way.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def build_server() -> FlowcServer:
    """The server with its features registered."""
    server = FlowcServer()

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FlowcServer, params: lsp.DidOpenTextDocumentParams) -> None:  # pyright: ignore[reportUnusedFunction]
        ls.track(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FlowcServer, params: lsp.DidChangeTextDocumentParams) -> None:  # pyright: ignore[reportUnusedFunction]
        ls.track(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FlowcServer, params: lsp.DidSaveTextDocumentParams) -> None:  # pyright: ignore[reportUnusedFunction]
        ls.track(params.text_document.uri, saved=True)  # the file on disk changed: modules read from disk may have

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FlowcServer, params: lsp.DidCloseTextDocumentParams) -> None:  # pyright: ignore[reportUnusedFunction]
        ls.untrack(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    async def hover(ls: FlowcServer, params: lsp.HoverParams) -> lsp.Hover | None:  # pyright: ignore[reportUnusedFunction]
        found = ls.session.call_at(params.text_document.uri, params.position, ls.encoding)
        if found is None:
            return None
        check, call = found
        plans = await asyncio.to_thread(lambda: check.plans)  # the optimizer's plan: computed once per check
        text = hover_markdown(call, check.written.program, plans.get(call.pipeline.name))
        if text is None:
            return None
        where = ls.session.range_of(call.span, check.sources, ls.encoding)
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value=text), range=where)

    @server.feature(lsp.TEXT_DOCUMENT_DEFINITION)
    def definition(ls: FlowcServer, params: lsp.DefinitionParams) -> lsp.Location | None:  # pyright: ignore[reportUnusedFunction]
        found = ls.session.call_at(params.text_document.uri, params.position, ls.encoding)
        if found is None:
            return None
        check, call = found
        span = definition_span(call, check.written.program)
        if span is None:
            return None
        return lsp.Location(uri=ls.session.uri_of(span.path), range=ls.session.range_of(span, check.sources, ls.encoding))

    return server


def serve() -> int:
    """Speak LSP on stdin/stdout until the client says exit.

    The protocol gets its own handle on stdout (pygls closes it at exit) and `sys.stdout`
    becomes stderr, so that nothing printed by accident can corrupt the message stream.
    """
    protocol_out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    remember_trees(TreeMemory())  # a one-line change re-parses one statement, not the file
    build_server().start_io(sys.stdin.buffer, protocol_out)
    return 0
