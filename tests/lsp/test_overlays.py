"""The reader's overlays: an editor's unsaved text is read in place of the file, for given and imported modules."""

from __future__ import annotations

from pathlib import Path

from flowc import api
from flowc.dsl.reader.files import real_path
from tests.lsp.conftest import FLOW, STEPS


def test_overlays_are_read_instead_of_the_files_on_disk(tmp_path: Path) -> None:
    package = tmp_path / "proj"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "steps.py").write_text(STEPS, encoding="utf-8")
    flow = package / "flow.py"
    flow.write_text("this file on disk is not Python (\n", encoding="utf-8")
    renamed = STEPS.replace("def shout(", "def yell(")

    loaded = api.read([str(flow)], overlays={real_path(flow): FLOW, real_path(package / "steps.py"): renamed})

    assert [d.code for d in loaded.diagnostics] == ["FLC006"]  # flow.py imports `shout`, which the unsaved steps.py renamed
    assert loaded.sources[str(flow)] == FLOW
    assert renamed in loaded.sources.values()
    assert api.read([str(flow)]).diagnostics[0].code == "FLC002"  # without overlays: the disk's text
