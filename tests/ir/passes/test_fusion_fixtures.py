"""Chain fusion (`flowc.ir.passes.fusion`): one before/after fixture per rule (behaviour: tests/ir/test_fusion.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.ir.passes.fusion import fuse_chains
from tests.ir.passes.fixtures import cases, check_fixture, unoptimized


@pytest.mark.parametrize("path", cases("fusion"), ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    check_fixture(path, fuse_chains)


@pytest.mark.parametrize("path", cases("fusion"), ids=lambda p: p.stem)
def test_a_second_run_changes_nothing(path: Path) -> None:
    once = fuse_chains(unoptimized(path))
    assert fuse_chains(once) == once
