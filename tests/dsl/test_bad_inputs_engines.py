"""Bad inputs that one engine refuses: `# E[kfp]: FLC510 @22` expects that error from the
kfp backend's checks (`flowc check -t kfp`), at that line and column.

A fixture of `bad_inputs/` may hold such expectations beside its reader-level ones
(`# E: ...`, see test_bad_inputs.py); for each engine named, checking the fixture for
that engine reports exactly the engine's expected set (reader-level errors stop the
backends, so such fixtures hold engine expectations only).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from flowc import api
from flowc.ir.span import source_lines

FIXTURES = Path(__file__).parent / "bad_inputs"
ENGINES = ("kfp", "airflow", "flyte")
_EXPECT = re.compile(r"E\[(\w+)\]: (FLC\d{3}) @(\d+)")


def engine_expected(path: Path) -> dict[str, set[tuple[str, int, int]]]:
    """Expected errors per engine named in the fixture (every engine when it names any: none for the others)."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    found: dict[str, set[tuple[str, int, int]]] = {}
    for number, line in enumerate(source_lines(text), start=1):
        if "#" in line:
            for engine, code, col in _EXPECT.findall(line.split("#", 1)[1]):
                found.setdefault(engine, set()).add((code, number, int(col)))
    return {engine: found.get(engine, set()) for engine in ENGINES} if found else {}


CASES = [(p, e) for p in sorted(FIXTURES.glob("*.py")) for e in engine_expected(p)]


@pytest.mark.parametrize(("path", "engine"), CASES, ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_engine_reports_exactly_the_expected_diagnostics(path: Path, engine: str) -> None:
    result = api.check([path], [engine], optimize=False)
    got = {(d.code, d.span.line, d.span.col) for d in result.diagnostics if d.is_error and d.span is not None}
    assert all(d.span is not None and d.span.path == str(path) for d in result.diagnostics if d.is_error)
    assert got == engine_expected(path)[engine]


def test_there_are_engine_fixtures() -> None:
    assert CASES
