"""A real language client (pytest-lsp) talking to `flowc lsp` over stdio, and a small project on disk.

The project: `proj/steps.py` defines the tasks, `proj/flow.py` imports them and defines
a pipeline, and pyproject.toml picks the targets, as a user's repository would.
"""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as lsp
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.conftest import ROOT

SERVER = ClientServerConfig(
    server_command=[sys.executable, "-m", "flowc.cli", "lsp"],
    server_env={**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])},
)

STEPS = '''from flowc import Resources, task


@task(image="python:3.12-slim", resources=Resources(cpu="500m", memory="256Mi"), packages=["emoji==2.12.1"])
def tag(text: str, count: int = 1) -> str:
    """Repeat a label."""
    return text * count


@task(image="python:3.12-slim")
def size(text: str) -> int:
    return len(text)


@task(image="busybox-ish:1", cache=True)
def shout(text: str) -> str:
    return text.upper()
'''

FLOW = '''from flowc import pipeline

from proj.steps import shout, size, tag


@pipeline
def shouted(text: str) -> str:
    return shout(text=text)


@pipeline
def labels(n: int = 2) -> str:
    first = tag(text="ü😋", count=n)
    second = tag(text="EMOJIS", count=size(text=first))
    return shouted(text=tag(text=second))
'''.replace("EMOJIS", "😋" * 20)


def line_of(text: str, needle: str) -> int:
    """The 0-based number of the line holding `needle`."""
    return next(i for i, line in enumerate(text.split("\n")) if needle in line)


def utf16_position(text: str, needle: str, occurrence: int = 0) -> lsp.Position:
    """Where `needle` starts (its `occurrence`-th time on its line), in UTF-16 code units as LSP counts."""
    number = line_of(text, needle)
    line = text.split("\n")[number]
    col = -1
    for _ in range(occurrence + 1):
        col = line.index(needle, col + 1)
    return lsp.Position(line=number, character=len(line[:col].encode("utf-16-le")) // 2)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "pyproject.toml").write_text('[tool.flowc]\ntargets = ["airflow", "flyte"]\n', encoding="utf-8")
    package = tmp_path / "proj"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "steps.py").write_text(STEPS, encoding="utf-8")
    (package / "flow.py").write_text(FLOW, encoding="utf-8")
    return tmp_path


@pytest_lsp.fixture(config=SERVER)
async def client(lsp_client: LanguageClient, project: Path) -> AsyncIterator[None]:
    params = lsp.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=project.as_uri())
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


def open_document(client: LanguageClient, path: Path, text: str | None = None) -> str:
    """Open `path` in the client (with `text` instead of what is on disk, when given); its URI."""
    uri = path.as_uri()
    item = lsp.TextDocumentItem(uri=uri, language_id="python", version=1, text=path.read_text(encoding="utf-8") if text is None else text)
    client.text_document_did_open(lsp.DidOpenTextDocumentParams(text_document=item))
    return uri


def change_document(client: LanguageClient, uri: str, version: int, text: str) -> None:
    """Replace the document's whole text, as an editor synced in full does."""
    change = lsp.TextDocumentContentChangeWholeDocument(text=text)
    document = lsp.VersionedTextDocumentIdentifier(uri=uri, version=version)
    client.text_document_did_change(lsp.DidChangeTextDocumentParams(text_document=document, content_changes=[change]))


def checks_done(client: LanguageClient) -> int:
    """How many checks the server has logged as finished."""
    return sum(1 for m in client.log_messages if m.message.startswith("flowc: checked"))


async def settled(client: LanguageClient, action: Callable[[], object]) -> None:
    """Do `action` (open or change documents), then wait until the server's check of it has finished.

    The server publishes what reading finds first and the engines' checks after, then
    logs "flowc: checked ..."; after that, `client.diagnostics` holds what it published.
    """
    before = checks_done(client)
    action()
    while checks_done(client) == before:
        await asyncio.wait_for(client.wait_for_notification(lsp.WINDOW_LOG_MESSAGE), timeout=60)


def document_id(uri: str) -> lsp.TextDocumentIdentifier:
    return lsp.TextDocumentIdentifier(uri=uri)


@pytest_lsp.fixture(config=SERVER)
async def utf8_client(lsp_client: LanguageClient, project: Path) -> AsyncIterator[None]:
    """A client that counts positions in UTF-8 bytes (offered first, so the server takes it)."""
    general = lsp.GeneralClientCapabilities(position_encodings=[lsp.PositionEncodingKind.Utf8, lsp.PositionEncodingKind.Utf16])
    params = lsp.InitializeParams(capabilities=lsp.ClientCapabilities(general=general), root_uri=project.as_uri())
    result = await lsp_client.initialize_session(params)
    assert result.capabilities.position_encoding == lsp.PositionEncodingKind.Utf8
    yield
    await lsp_client.shutdown_session()
