"""The server checks as `flowc check` does in the file's project: its `[tool.flowc]` settings
(problems there shown in pyproject.toml) and the engines' checks, which follow reading."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from lsprotocol import types as lsp
from pytest_lsp import LanguageClient

from tests.lsp.conftest import change_document, checks_done, open_document, settled

WIDE = '''from flowc import pipeline, task


@task(image="cr.flyte.org/flyteorg/flytekit:py3.12-latest")
def double(x: int) -> int:
    return 2 * x


@pipeline
def wide() -> list[int]:
    return [double(x=i) for i in ITEMS]
'''.replace("ITEMS", repr(list(range(1100))))  # Airflow maps at most 1,024 items: FLC601, an engine check


async def _first_publication(client: LanguageClient, uri: str) -> list[str]:
    while True:
        params: lsp.PublishDiagnosticsParams = await client.wait_for_notification(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if params.uri == uri:
            return [str(d.code) for d in params.diagnostics]


@pytest.mark.asyncio
async def test_engine_diagnostics_follow_reading_and_stay_until_the_engines_ran_again(client: LanguageClient, project: Path) -> None:
    path = project / "proj" / "wide.py"
    path.write_text(WIDE, encoding="utf-8")
    uri = path.as_uri()
    await settled(client, lambda: open_document(client, path))
    (found,) = client.diagnostics[uri]
    assert (found.code, found.range.start) == ("FLC601", lsp.Position(line=10, character=11))

    broken = WIDE.replace("    return [", "    nothing()\n    return [")
    await settled(client, lambda: change_document(client, uri, 2, broken))
    assert [d.code for d in client.diagnostics[uri]] == ["FLC103"]  # reading failed: no engine checks, as in `flowc check`

    before = checks_done(client)  # counted before the change: its check may finish while we read the first publication
    change_document(client, uri, 3, WIDE)
    assert await _first_publication(client, uri) == ["FLC601"]  # shown before the engines' checks ran again
    while checks_done(client) == before:
        await asyncio.wait_for(client.wait_for_notification(lsp.WINDOW_LOG_MESSAGE), timeout=60)
    assert [d.code for d in client.diagnostics[uri]] == ["FLC601"]


@pytest.mark.asyncio
async def test_a_tool_flowc_problem_is_shown_in_pyproject_toml(client: LanguageClient, project: Path) -> None:
    config = project / "pyproject.toml"
    config.write_text('[tool.flowc]\ntargts = ["airflow"]\n', encoding="utf-8")
    await settled(client, lambda: open_document(client, project / "proj" / "flow.py"))
    (found,) = client.diagnostics[config.as_uri()]
    assert found.code == "FLC806" and "unknown key 'targts'" in found.message and "did you mean 'targets'?" in found.message
    assert found.range == lsp.Range(start=lsp.Position(line=1, character=0), end=lsp.Position(line=1, character=8))
