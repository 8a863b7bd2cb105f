"""`flowc check`: compile without writing, through the incremental cache."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection
from typing import TYPE_CHECKING, Any

from flowc.cli.common import check_arguments, report, request, settings

if TYPE_CHECKING:
    from flowc.incremental.units import Checked


def register(sub: Any) -> None:
    check = sub.add_parser("check", help="compile without writing: every error compile would report")
    check_arguments(check)
    check.set_defaults(handler=run)


def run(args: argparse.Namespace, changed: Collection[str] | None = None) -> int:
    """`changed` (real paths; the pre-commit hook's): report only what concerns these files."""
    from flowc import api, incremental
    from flowc.incremental.units import Checked, run_check

    settled = settings(args, "check")
    if isinstance(settled, int):
        return settled
    root = args.root or settled.config.root
    if args.no_cache:
        loaded = api.check(
            args.paths, settled.targets, options=settled.options, root=root,
            optimize=settled.optimize, defaults=settled.config.task_defaults,
        )
        return _report_check(Checked.of(loaded), args.format, settled.strict)
    return incremental.check(
        request(args),
        lambda snapshot, kept, stale: run_check(
            args.paths, settled.targets, settled.options, root, snapshot, kept, stale,
            optimize=settled.optimize, defaults=settled.config.task_defaults, changed=changed,
        ),
        lambda checked: _report_check(checked, args.format, settled.strict),
        partial=changed is not None,
    )


def _report_check(checked: Checked, fmt: str, strict: bool) -> int:
    """Every diagnostic, then (as text) a summary; exit 1 on an error, or with `strict` on a warning."""
    from flowc.ir.diagnostics import counts, fails

    report(checked.diagnostics, checked.sources, fmt)
    failed = fails(checked.diagnostics, strict)
    if fmt == "text":
        found = counts(checked.diagnostics)
        verdict = (found + (" (strict: warnings fail)" if strict and checked.ok else "")) if failed else "ok" + (f", {found}" if found else "")
        summary = f"{checked.files} file(s), {checked.pipelines} pipeline(s), {checked.tasks} task(s): "
        print(summary + verdict, file=sys.stderr if failed else sys.stdout)
    return 1 if failed else 0
