"""docs/reference.md is generated from the registries, and every built-in backend documents
every task option and construct, so the page cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowc.backends.catalog import builtin_backends
from flowc.backends.engine_reference import CONSTRUCTS, EngineReference
from flowc.backends.reference import example_types, reference_page
from flowc.ir.task_options import TASK_OPTIONS

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"


def test_reference_page_is_current() -> None:
    page = (DOCS / "reference.md").read_text(encoding="utf-8")
    assert page == reference_page(builtin_backends()), "run: python -m flowc.backends.reference"


@pytest.mark.parametrize("backend", builtin_backends(), ids=lambda b: b.name)
def test_every_builtin_backend_documents_every_option_and_construct(backend: object) -> None:
    ref = getattr(backend, "reference", None)
    assert isinstance(ref, EngineReference)
    assert list(ref.task_options) == [o.name for o in TASK_OPTIONS]
    assert list(ref.constructs) == list(CONSTRUCTS)
    assert all(text.strip() for text in (*ref.task_options.values(), *ref.constructs.values(), ref.parameters, ref.results, ref.schedule))
    assert all(ref.type_name(t) for t in example_types())


def test_the_reference_shows_each_engine_s_own_type_mapping() -> None:
    page = reference_page(builtin_backends())
    assert "| `list[int]` | parameter `LIST` |" in page
    assert "artifact `system.Model`" in page and "`typing.Dict[str, float]`" in page


@pytest.mark.parametrize("name", ["reference.md", "task_options.md", "backends.md"])
def test_every_table_row_has_as_many_cells_as_its_header(name: str) -> None:
    """An unescaped `|` in a cell (`str | None`) would split it and shift the columns."""
    widths: list[int] = []
    for line in (DOCS / name).read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            widths = []
            continue
        cells = len(re.split(r"(?<!\\)\|", line)) - 2
        widths.append(cells)
        assert cells == widths[0], f"{name}: {line}"


def test_the_readme_links_the_reference() -> None:
    assert "(docs/reference.md)" in (ROOT / "README.md").read_text(encoding="utf-8")
