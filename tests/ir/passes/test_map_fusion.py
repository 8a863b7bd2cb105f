"""Map fusion (`flowc.ir.passes.map_fusion`): one before/after fixture per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.ir.passes.map_fusion import fuse_maps, map_fusions
from tests.ir.passes.fixtures import HERE, cases, check_fixture, unoptimized


@pytest.mark.parametrize("path", cases("map_fusion"), ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    check_fixture(path, fuse_maps)


def test_records_name_the_inner_and_the_outer_loop_in_fusing_order() -> None:
    program = unoptimized(HERE / "map_fusion" / "three_in_a_row.py")
    assert map_fusions(program) == {"three_in_a_row": [("loop_1", "loop_2"), ("loop_2", "loop_3")]}


def test_records_are_empty_where_nothing_is_fused() -> None:
    assert map_fusions(unoptimized(HERE / "map_fusion" / "read_elsewhere.py")) == {"read_elsewhere": []}


@pytest.mark.parametrize("path", cases("map_fusion"), ids=lambda p: p.stem)
def test_a_second_run_changes_nothing(path: Path) -> None:
    once = fuse_maps(unoptimized(path))
    assert fuse_maps(once) == once
