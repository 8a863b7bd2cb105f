"""Golden tests of `flowc import`: one before/after pair of files per construct (as libcst's codemod tests).

`golden/<sdk>/<case>.in.py` is the input; `<case>.out.py` the expected output, byte for
byte. Expected diagnostics are written in the input on the line they point at, as
`# E: FLC903` (several: `# E: FLC903 FLC902`); every diagnostic must be expected and every
expectation met. Every output must pass `flowc check` unless the case is listed in
HAND_WORK. Regenerate the outputs with FLOWC_UPDATE_GOLDEN=1 and read the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from flowc import api
from flowc.importer import import_paths

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*/*.in.py"))
EXPECTED = re.compile(r"#\s*E:\s*((?:FLC\d{3}\s*)+)")
# Cases whose output is left for a person to finish: it need not pass `flowc check`.
HAND_WORK = {"output_path", "untyped_list", "untranslated"}  # (airflow/ and flyte/ both have an "untranslated")


def _case_id(path: Path) -> str:
    return f"{path.parent.name}/{path.name.removesuffix('.in.py')}"


def _expected(text: str) -> set[tuple[int, str]]:
    found: set[tuple[int, str]] = set()
    for number, line in enumerate(text.split("\n"), start=1):
        match = EXPECTED.search(line)
        if match:
            found.update((number, code) for code in match.group(1).split())
    return found


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_golden(case: Path) -> None:
    (result,) = import_paths([case], case.parent.name)  # type: ignore[arg-type]
    assert result.text is not None
    out = case.with_name(case.name.replace(".in.py", ".out.py"))
    if os.environ.get("FLOWC_UPDATE_GOLDEN"):
        out.write_text(result.text, encoding="utf-8")
    assert result.text == out.read_text(encoding="utf-8")
    assert all(d.span is not None for d in result.diagnostics), [d.message for d in result.diagnostics if d.span is None]
    got = {(d.span.line, d.code) for d in result.diagnostics if d.span is not None}
    assert got == _expected(case.read_text(encoding="utf-8")), [str(d.span) + " " + d.message for d in result.diagnostics]


def test_every_case_has_an_output() -> None:
    assert CASES
    for case in CASES:
        assert case.with_name(case.name.replace(".in.py", ".out.py")).exists(), case


@pytest.mark.parametrize("case", [c for c in CASES if c.name.removesuffix(".in.py") not in HAND_WORK], ids=_case_id)
def test_output_passes_check(case: Path) -> None:
    out = case.with_name(case.name.replace(".in.py", ".out.py"))
    checked = api.check([out], ["kfp", "airflow", "flyte"])
    assert checked.ok, api.render(checked.diagnostics, checked.sources)
