"""Hover on a call shows the callee's inputs (typed, with what the call binds), outputs, image,
packages and resources, and how it compiles; go to definition jumps to the callee, in any module."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from tests.lsp.conftest import FLOW, STEPS, document_id, open_document, settled, utf16_position


async def _hover(client: LanguageClient, uri: str, position: lsp.Position) -> str:
    found = await client.text_document_hover_async(lsp.HoverParams(text_document=document_id(uri), position=position))
    assert found is not None and isinstance(found.contents, lsp.MarkupContent)
    return found.contents.value


@pytest.mark.asyncio
async def test_hover_on_a_task_call_shows_its_inputs_outputs_image_resources(client: LanguageClient, project: Path) -> None:
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    where = utf16_position(FLOW, 'tag(text="ü😋"')
    found = await client.text_document_hover_async(lsp.HoverParams(text_document=document_id(uri), position=where))
    assert found is not None and isinstance(found.contents, lsp.MarkupContent)
    text = found.contents.value
    for expected in (
        "**task** `tag` (step `tag`): Repeat a label.",
        '- `text: str` ← `"ü😋"`',
        "- `count: int` ← pipeline parameter `n`",
        "**outputs** `output: str`",
        "**image** `python:3.12-slim`",
        "**resources** cpu `500m`, memory `256Mi`",
        "**packages** `emoji==2.12.1`",
    ):
        assert expected in text, text
    line = FLOW.split("\n")[where.line]
    end = len(line[: line.index("count=n)") + len("count=n)")].encode("utf-16-le")) // 2
    assert found.range == lsp.Range(start=where, end=lsp.Position(line=where.line, character=end))


@pytest.mark.asyncio
async def test_hover_finds_the_innermost_call_after_wide_characters(client: LanguageClient, project: Path) -> None:
    """`size(...)` follows 20 emoji on its line: read as code points, the position would fall past it, into `tag`."""
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    text = await _hover(client, uri, utf16_position(FLOW, "size(text=first)"))
    assert text.startswith("**task** `size` (step `size`)")
    assert "- `text: str` ← output of `tag`" in text
    outer = await _hover(client, uri, utf16_position(FLOW, "tag(text=second)"))
    assert "- `count: int` ← default `1`" in outer


@pytest.mark.asyncio
async def test_hover_says_how_the_step_compiles(client: LanguageClient, project: Path) -> None:
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    alone = await _hover(client, uri, utf16_position(FLOW, 'tag(text="ü😋"'))  # size, next, has other options
    assert "**compiled** its own engine step, cache key `" in alone
    fused = await _hover(client, uri, utf16_position(FLOW, "tag(text=second)"))  # the chain tag_2 -> tag_3
    assert "**compiled** fused into engine step `tag_2_tag_3` with 1 other step (tag_2+tag_3), cache key `" in fused
    sub = await _hover(client, uri, utf16_position(FLOW, "shouted(text="))
    assert sub.startswith("**pipeline** `shouted` (sub-pipeline step `shouted`)")
    assert "- `text: str` ← output of `tag_3`" in sub


@pytest.mark.asyncio
async def test_go_to_definition_jumps_across_modules_and_to_sub_pipelines(client: LanguageClient, project: Path) -> None:
    flow, steps = project / "proj" / "flow.py", project / "proj" / "steps.py"
    await settled(client, lambda: open_document(client, flow))
    params = lsp.DefinitionParams(text_document=document_id(flow.as_uri()), position=utf16_position(FLOW, "size(text=first)"))
    found = await client.text_document_definition_async(params)
    name = utf16_position(STEPS, "size", occurrence=0)
    assert found == lsp.Location(uri=steps.as_uri(), range=lsp.Range(start=name, end=lsp.Position(line=name.line, character=name.character + 4)))
    assert STEPS.split("\n")[name.line].startswith("def size(")

    params = lsp.DefinitionParams(text_document=document_id(flow.as_uri()), position=utf16_position(FLOW, "shouted(text=tag"))
    found = await client.text_document_definition_async(params)
    name = utf16_position(FLOW, "shouted(text: str)")
    assert found == lsp.Location(uri=flow.as_uri(), range=lsp.Range(start=name, end=lsp.Position(line=name.line, character=name.character + 7)))


@pytest.mark.asyncio
async def test_nothing_answers_outside_calls(client: LanguageClient, project: Path) -> None:
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    position = utf16_position(FLOW, "@pipeline")
    assert await client.text_document_hover_async(lsp.HoverParams(text_document=document_id(uri), position=position)) is None
    assert await client.text_document_definition_async(lsp.DefinitionParams(text_document=document_id(uri), position=position)) is None


@pytest.mark.asyncio
async def test_hover_on_a_duplicate_call_says_it_runs_once(client: LanguageClient, project: Path) -> None:
    text = FLOW.replace("    return shouted(", "    loud = shout(text=first)\n    again = shout(text=first)\n    return shouted(")
    uri = (project / "proj" / "flow.py").as_uri()
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py", text))
    assert list(client.diagnostics.get(uri, [])) == []
    found = await _hover(client, uri, _second_shout(text))
    assert "**compiled** a duplicate of `shout` (same pure task, same inputs): runs once, its result reused" in found


def _second_shout(text: str) -> lsp.Position:
    where = utf16_position(text, "again = shout(")
    return lsp.Position(line=where.line, character=where.character + len("again = "))
