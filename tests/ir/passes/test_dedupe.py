"""Duplicate elimination (`flowc.ir.passes.dedupe`): one before/after fixture per rule."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.ir.passes.dedupe import dedupe_calls, duplicate_calls
from flowc.ir.plan import Merged
from tests.ir.passes.fixtures import HERE, cases, check_fixture, unoptimized


@pytest.mark.parametrize("path", cases("dedupe"), ids=lambda p: p.stem)
def test_fixture(path: Path) -> None:
    check_fixture(path, dedupe_calls)


def test_records_name_each_removed_call_and_the_call_it_reuses() -> None:
    program = unoptimized(HERE / "dedupe" / "chain.py")
    assert duplicate_calls(program) == {
        "chain": [Merged(removed="load_2", kept="load"), Merged(removed="clean_2", kept="clean")]
    }


def test_records_are_empty_where_nothing_is_merged() -> None:
    assert duplicate_calls(unoptimized(HERE / "dedupe" / "impure.py")) == {"impure": []}


@pytest.mark.parametrize("path", cases("dedupe"), ids=lambda p: p.stem)
def test_a_second_run_changes_nothing(path: Path) -> None:
    once = dedupe_calls(unoptimized(path))
    assert dedupe_calls(once) == once
