"""The package's layout rules that a reviewer would otherwise check by eye."""

from __future__ import annotations

from pathlib import Path

FLOWC = Path(__file__).resolve().parents[1] / "flowc"
MAX_MODULE_LINES = 500


def test_no_module_is_over_500_lines() -> None:
    sizes = {path.relative_to(FLOWC.parent).as_posix(): len(path.read_text(encoding="utf-8").splitlines()) for path in FLOWC.rglob("*.py")}
    assert sizes, f"no modules found under {FLOWC}"
    too_long = {name: lines for name, lines in sizes.items() if lines > MAX_MODULE_LINES}
    assert too_long == {}, f"split these modules (at most {MAX_MODULE_LINES} lines each): {too_long}"
