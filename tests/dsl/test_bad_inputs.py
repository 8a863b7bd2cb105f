"""The bad-input suite: every fixture in bad_inputs/ names its expected diagnostics inline.

A comment `# E: FLC201 @13` on a line expects an error with that code at that line,
column 13 (1-based). Each fixture must produce exactly its expected set of
(code, line, column), no more and no less.
"""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

import pytest

from flowc import api
from flowc.ir.span import source_lines

FIXTURES = Path(__file__).parent / "bad_inputs"
CASES = sorted(FIXTURES.glob("*.py"))
_EXPECT = re.compile(r"E: (FLC\d{3}) @(\d+)")
_ENGINE_EXPECT = re.compile(r"E\[\w+\]: (FLC\d{3})")


def expected(path: Path) -> set[tuple[str, int, int]]:
    text = path.read_bytes().decode("utf-8", errors="replace")
    out: set[tuple[str, int, int]] = set()
    for number, line in enumerate(source_lines(text), start=1):  # lines as Python counts them
        if "#" in line:
            for code, col in _EXPECT.findall(line.split("#", 1)[1]):
                out.add((code, number, int(col)))
    return out


def actual(path: Path) -> set[tuple[str, int, int]]:
    result = api.load([path], optimize=False)  # the reader, then the IR validator
    got: set[tuple[str, int, int]] = set()
    for d in result.diagnostics:
        if d.is_error:
            assert d.span is not None, d
            assert d.span.path == str(path), d
            got.add((d.code, d.span.line, d.span.col))
    return got


def test_there_are_enough_fixtures() -> None:
    assert len(CASES) >= 30
    codes = {code for case in CASES for code, _, _ in expected(case)}
    assert len(codes) >= 35, sorted(codes)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_bad_input_reports_exactly_the_expected_diagnostics(path: Path) -> None:
    want = expected(path)
    engine_only = _ENGINE_EXPECT.search(path.read_text(encoding="utf-8", errors="replace")) is not None
    assert want or engine_only, f"{path.name} declares no expected diagnostic"  # engine ones: test_bad_inputs_engines.py
    assert actual(path) == want


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_cli_check_fails_cleanly(path: Path) -> None:
    from flowc.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["check", str(path)])
    text = out.getvalue() + err.getvalue()
    assert code == 1, text
    assert "Traceback" not in text and "internal error" not in text
    first = sorted(expected(path) or {(m, 0, 0) for m in _ENGINE_EXPECT.findall(path.read_text(encoding="utf-8"))})[0]
    assert f"error[{first[0]}]" in text
