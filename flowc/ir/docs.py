"""Generated reference pages: the diagnostics table (docs/diagnostics.md) and the
task options (docs/task_options.md).

`python -m flowc.ir.docs` rewrites both; tests keep them in step with their tables.
"""

from __future__ import annotations

from pathlib import Path

from flowc.ir.codes import table_markdown
from flowc.ir.task_options import options_table_markdown

HEADER = """# flowc diagnostics

Every problem flowc reports has a code. Diagnostics print as
`path:line:col: error[FLCnnn]: message`, then the source line with a caret, then a
hint; `flowc check --format json|github|sarif` gives the same as JSON, as GitHub
annotations or as a SARIF 2.1.0 log for code-scanning UIs. This page is generated from `flowc/ir/codes.py`
(`python -m flowc.ir.docs`).

A code's severity is `error` or `warning`. An error fails `check` and `compile` (exit 1;
`compile` writes nothing). A warning prints as `path:line:col: warning[FLCnnn]: message`
(`"severity": "warning"` in JSON, `::warning` in GitHub annotations, level `warning` in
SARIF) and never fails a run, unless `--strict` is given or `[tool.flowc] strict = true`:
then any warning fails it as an error would.

"""


def diagnostics_page() -> str:
    return HEADER + table_markdown()


TASK_OPTIONS_HEADER = """# Task options

What `@task(...)` and `@container_task(...)` take. Every option is a literal (or a
module-level literal constant); a value of the wrong type is a located diagnostic.
This page is generated from `flowc/ir/task_options.py`, the one table the
decorators' signatures, the reader and the IR defaults follow (`python -m flowc.ir.docs`).

"""


def task_options_page() -> str:
    return TASK_OPTIONS_HEADER + options_table_markdown()


if __name__ == "__main__":
    docs = Path(__file__).resolve().parents[2] / "docs"
    for name, page in (("diagnostics.md", diagnostics_page()), ("task_options.md", task_options_page())):
        (docs / name).write_text(page, encoding="utf-8")
        print(f"wrote {docs / name}")
