"""Values one engine cannot hold are diagnosed for that engine only, at the literal (issue 8 #10).

`api.emit` runs `validate_for_engine` before a backend writes anything, so
`flowc compile -t kfp` refuses an int KFP would turn into a float while
`-t airflow` (Python ints) compiles the same file.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc import api

SOURCE = '''\
from flowc import pipeline, task


@task(retries=3000000000)
def bump(x: int) -> int:
    return x + 1


@pipeline(schedule="@once")
def big(x: int = 9223372036854775808) -> int:
    return bump(x=9007199254740993)
'''
# target -> (code, line, col) of every diagnostic
EXPECTED = {
    "kfp": {("FLC207", 5, 5), ("FLC207", 10, 9), ("FLC207", 11, 19)},
    "airflow": {("FLC207", 5, 5)},
    "flyte": {("FLC207", 10, 9), ("FLC207", 10, 5)},
}


@pytest.mark.parametrize("target", sorted(EXPECTED))
def test_each_target_reports_only_what_it_cannot_hold(target: str, tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    path.write_text(SOURCE)
    outcome = api.compile_to([path], [target], tmp_path / "out")
    got = {(d.code, d.span.line, d.span.col) for d in outcome.diagnostics if d.span is not None}
    assert got == EXPECTED[target], [d.message for d in outcome.diagnostics]
    assert not outcome.ok and not (tmp_path / "out").exists()


def test_check_alone_accepts_values_some_engine_can_hold(tmp_path: Path) -> None:
    path = tmp_path / "big.py"
    path.write_text(SOURCE)
    assert api.load([path]).ok
