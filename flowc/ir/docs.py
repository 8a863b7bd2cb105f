"""Generated reference pages: the diagnostics table (docs/diagnostics.md).

`python -m flowc.ir.docs` rewrites the page; a test keeps it in step with the registry.
"""

from __future__ import annotations

from pathlib import Path

from flowc.ir.codes import table_markdown

HEADER = """# flowc diagnostics

Every problem flowc reports has a code. Diagnostics print as
`path:line:col: error[FLCnnn]: message`, then the source line with a caret, then a
hint; `flowc check --format json|github` gives the same as JSON or as GitHub
annotations. This page is generated from `flowc/ir/codes.py`
(`python -m flowc.ir.docs`).

"""


def diagnostics_page() -> str:
    return HEADER + table_markdown()


if __name__ == "__main__":
    target = Path(__file__).resolve().parents[2] / "docs" / "diagnostics.md"
    target.write_text(diagnostics_page(), encoding="utf-8")
    print(f"wrote {target}")
