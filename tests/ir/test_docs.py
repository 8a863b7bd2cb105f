"""Generated docs stay in step with the code they describe."""

from __future__ import annotations

from pathlib import Path

from flowc.ir.codes import REGISTRY
from flowc.ir.docs import diagnostics_page

ROOT = Path(__file__).resolve().parents[2]


def test_diagnostics_page_is_current() -> None:
    page = (ROOT / "docs" / "diagnostics.md").read_text(encoding="utf-8")
    assert page == diagnostics_page(), "run: python -m flowc.ir.docs"


def test_every_code_is_listed_once_with_a_unique_number() -> None:
    page = diagnostics_page()
    for code in REGISTRY:
        assert page.count(f"| {code} |") == 1
    assert all(code.startswith("FLC") and len(code) == 6 for code in REGISTRY)
