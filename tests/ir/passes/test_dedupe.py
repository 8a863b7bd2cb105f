"""Duplicate elimination (`flowc.ir.passes.dedupe`): one before/after fixture per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.ir.passes.dedupe import dedupe_calls
from tests.ir.passes.fixtures import cases, check_fixture


@pytest.mark.parametrize("path", cases("dedupe"), ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    check_fixture(path, dedupe_calls)
