"""`flowc lsp` publishes flowc check's diagnostics as the user types: at the right LSP range
(0-based, UTF-16), with severity, code and hint, and clears them once the text is fixed."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from tests.lsp.conftest import FLOW, change_document, open_document, settled, utf16_position

BROKEN = FLOW.replace('tag(text="ü😋", count=n)', 'tag(text="ü😋", count="three")')


@pytest.mark.asyncio
async def test_a_broken_file_gets_its_diagnostic_at_the_utf16_range_and_fixing_it_clears_it(
    client: LanguageClient, project: Path
) -> None:
    flow = project / "proj" / "flow.py"
    uri = ""

    def open_broken() -> None:
        nonlocal uri
        uri = open_document(client, flow, BROKEN)  # unsaved: the file on disk is fine

    await settled(client, open_broken)
    (found,) = client.diagnostics[uri]
    start = utf16_position(BROKEN, '"three"')
    assert start.character == BROKEN.split("\n")[start.line].index('"three"') + 1  # the emoji is two UTF-16 units
    assert found.range == lsp.Range(start=start, end=lsp.Position(line=start.line, character=start.character + 7))
    assert (found.code, found.severity, found.source) == ("FLC201", lsp.DiagnosticSeverity.Error, "flowc")
    assert found.message == "input 'count' of 'tag' expects int but got str"

    await settled(client, lambda: change_document(client, uri, 2, FLOW))
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_the_hint_is_on_a_line_of_its_own_in_the_message(client: LanguageClient, project: Path) -> None:
    text = FLOW.replace("first = tag(", "first = tga(")
    uri = ""

    def open_typo() -> None:
        nonlocal uri
        uri = open_document(client, project / "proj" / "flow.py", text)

    await settled(client, open_typo)
    (found,) = client.diagnostics[uri]
    start = utf16_position(text, "tga(")
    assert found.range == lsp.Range(start=start, end=lsp.Position(line=start.line, character=start.character + 3))
    assert found.code == "FLC103"
    assert found.message == "'tga' is not a task or pipeline\nhint: call a function decorated with @task, @container_task or @pipeline"


@pytest.mark.asyncio
async def test_unsaved_text_of_an_imported_module_is_what_is_checked(client: LanguageClient, project: Path) -> None:
    """steps.py renames a parameter in the editor, unsaved: flow.py, unchanged, now passes a wrong keyword."""
    steps = project / "proj" / "steps.py"
    flow_uri, steps_uri = (project / "proj" / "flow.py").as_uri(), steps.as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    assert list(client.diagnostics.get(flow_uri, [])) == []

    renamed = steps.read_text(encoding="utf-8").replace("def size(text: str)", "def size(words: str)").replace("len(text)", "len(words)")
    await settled(client, lambda: open_document(client, steps, renamed))
    (found,) = client.diagnostics[flow_uri]
    assert (found.code, found.message) == ("FLC105", "'size' has no input named 'text'")
    assert found.range.start == utf16_position(FLOW, "text=first)")
    assert list(client.diagnostics.get(steps_uri, [])) == []


@pytest.mark.asyncio
async def test_a_file_that_never_names_flowc_is_left_alone(client: LanguageClient, project: Path) -> None:
    plain = project / "plain.py"
    plain.write_text("def broken(:\n", encoding="utf-8")
    open_document(client, plain)
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    assert plain.as_uri() not in client.diagnostics


@pytest.mark.asyncio
async def test_unsaved_constants_of_a_module_without_flowc_are_read(client: LanguageClient, project: Path) -> None:
    """settings.py never names flowc (it is not checked), but flow.py imports a constant from it."""
    settings = project / "proj" / "settings.py"
    settings.write_text("COUNT = 3\n", encoding="utf-8")
    flow = project / "proj" / "flow.py"
    text = FLOW.replace("from proj.steps import", "from proj.settings import COUNT\nfrom proj.steps import").replace(
        'count=n)\n    second', 'count=COUNT)\n    second'
    )
    await settled(client, lambda: open_document(client, flow, text))
    assert list(client.diagnostics.get(flow.as_uri(), [])) == []

    await settled(client, lambda: open_document(client, settings, 'COUNT = "three"\n'))
    (found,) = client.diagnostics[flow.as_uri()]
    assert found.code == "FLC201" and found.range.start == utf16_position(text, "COUNT)")


@pytest.mark.asyncio
async def test_closing_the_file_that_breaks_another_restores_the_disk_text(client: LanguageClient, project: Path) -> None:
    steps = project / "proj" / "steps.py"
    flow_uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    await settled(client, lambda: open_document(client, steps, steps.read_text(encoding="utf-8").replace("def shout(", "def yell(")))
    assert [d.code for d in client.diagnostics[flow_uri]] == ["FLC006"]

    close = lsp.DidCloseTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=steps.as_uri()))
    await settled(client, lambda: client.text_document_did_close(close))
    assert list(client.diagnostics[flow_uri]) == []


@pytest.mark.asyncio
async def test_a_client_counting_utf8_gets_byte_offsets(utf8_client: LanguageClient, project: Path) -> None:
    client = utf8_client
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py", BROKEN))
    (found,) = client.diagnostics[uri]
    line = BROKEN.split("\n")[found.range.start.line]
    start = len(line[: line.index('"three"')].encode("utf-8"))
    assert (found.range.start.character, found.range.end.character) == (start, start + 7)


@pytest.mark.asyncio
async def test_lines_are_counted_as_python_counts_them(client: LanguageClient, project: Path) -> None:
    """A U+2028 in a comment is no line break (for Python, nor for LSP): the next line's emoji still counts."""
    text = BROKEN.replace("@pipeline\ndef labels", "# a\u2028b\n@pipeline\ndef labels")
    uri = ""

    def open_it() -> None:
        nonlocal uri
        uri = open_document(client, project / "proj" / "flow.py", text)

    await settled(client, open_it)
    (found,) = client.diagnostics[uri]
    assert found.range.start == utf16_position(text, '"three"')


@pytest.mark.asyncio
async def test_a_burst_of_changes_costs_one_check_of_the_last_text(client: LanguageClient, project: Path) -> None:
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    checks = len(client.log_messages)

    def type_fast() -> None:
        for version in range(2, 12):
            change_document(client, uri, version, BROKEN.replace('"three"', f'"{version}"'))

    await settled(client, type_fast)
    assert len(client.log_messages) - checks <= 2  # ten changes, at most two checks
    (found,) = client.diagnostics[uri]
    assert found.range.end.character - found.range.start.character == len('"11"')


@pytest.mark.asyncio
async def test_saving_checks_again_with_what_is_on_disk(client: LanguageClient, project: Path) -> None:
    """A module that is not open changed on disk (a checkout, another tool): the next save sees it."""
    flow, steps = project / "proj" / "flow.py", project / "proj" / "steps.py"
    await settled(client, lambda: open_document(client, flow))
    steps.write_text(steps.read_text(encoding="utf-8").replace("def shout(", "def yell("), encoding="utf-8")
    saved = lsp.DidSaveTextDocumentParams(text_document=lsp.TextDocumentIdentifier(uri=flow.as_uri()))
    await settled(client, lambda: client.text_document_did_save(saved))
    assert [d.code for d in client.diagnostics[flow.as_uri()]] == ["FLC006"]
