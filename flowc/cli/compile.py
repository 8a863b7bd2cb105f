"""`flowc compile`: write the artifacts of every target, or (`--check`) say which are out of date."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from flowc.cli.common import add_inputs, add_strict, add_targets, report, settings
from flowc.config import shown
from flowc.report import FORMATS


def register(sub: Any) -> None:
    comp = sub.add_parser("compile", help="compile pipelines for one or more engines")
    add_inputs(comp, required=False)
    add_targets(comp)
    comp.add_argument("-o", "--out", type=Path, help="output folder (default: [tool.flowc] out, or ./build/flowc)")
    comp.add_argument("--format", choices=FORMATS, default="text", help="diagnostic format")
    add_strict(comp)
    stale = comp.add_mutually_exclusive_group()
    stale.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each missing or out-of-date file")
    stale.add_argument(
        "--exit-non-zero-on-change", action="store_true",
        help="write, and exit 1 naming each file that was missing or out of date (the pre-commit hook)",
    )
    comp.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc import api
    from flowc.ir.diagnostics import fails

    settled = settings(args, "compile")
    if isinstance(settled, int):
        return settled
    config = settled.config
    out = args.out or (Path(shown(config.out)) if config.out else Path("build/flowc"))
    build = api.stale_artifacts if args.check else api.compile_to
    outcome = build(
        args.paths, settled.targets, out, options=settled.options, root=args.root or config.root,
        defaults=config.task_defaults, optimize=settled.optimize, leftovers=settled.whole_project, strict=settled.strict,
        names_from=config.path.parent if settled.whole_project and config.path is not None else None,
    )
    changed = [s.diagnostic(regenerated=True) for s in outcome.stale] if args.exit_non_zero_on_change and outcome.ok else []
    report([*outcome.diagnostics, *changed], outcome.sources, args.format)
    if fails(outcome.diagnostics, settled.strict) or changed:
        return 1
    if args.format == "text":
        for target, paths in outcome.written.items():
            for path in paths:
                print(f"{target:8} {path}")
        if args.check:
            print(f"all generated files in {out} are current")
    return 0
