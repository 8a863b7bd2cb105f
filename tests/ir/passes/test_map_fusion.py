"""Map fusion (`flowc.ir.passes.map_fusion`): one before/after fixture per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.ir.passes.map_fusion import fuse_maps, map_fusions
from flowc.ir.types import FLOAT
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


def test_loops_whose_item_types_differ_are_left_apart() -> None:
    """The outer loop's body expects its declared item type; a different inner result type
    (an `int` list iterated as `float`) would change what its steps are given."""
    program = unoptimized(HERE / "map_fusion" / "nested_comprehension.py")
    pipeline = program.pipeline("nested_comprehension")
    body = tuple(n.model_copy(update={"item_type": FLOAT}) if n.id == "loop_2" else n for n in pipeline.body)
    changed = program.model_copy(update={"pipelines": (pipeline.model_copy(update={"body": body}),)})
    assert fuse_maps(changed) == changed
    assert map_fusions(changed) == {"nested_comprehension": []}
