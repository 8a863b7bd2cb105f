"""`flowc explain`: the engine steps the optimizer makes of each pipeline, and why."""

from __future__ import annotations

import argparse
from typing import Any

from flowc.cli.common import add_inputs, add_level, config_and_level, report


def register(sub: Any) -> None:
    exp = sub.add_parser("explain", help="show the engine steps the optimizer makes of each pipeline, and why")
    add_inputs(exp)
    exp.add_argument("--pipeline", action="append", default=[], metavar="NAME", help="only this pipeline (repeatable)")
    exp.add_argument("--format", choices=("text", "json"), default="text", help="a listing, or JSON for tools")
    add_level(exp, "the plan without optimization")
    exp.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc import api
    from flowc.explain import render_json, render_text

    settled = config_and_level(args, "explain")
    if isinstance(settled, int):
        return settled
    config, optimize = settled
    explained = api.explain(
        args.paths, root=args.root or config.root, optimize=optimize, pipelines=args.pipeline, defaults=config.task_defaults
    )
    if args.format == "json":
        print(render_json(explained.plans, explained.diagnostics, optimized=optimize))
        return 0 if explained.ok else 1
    report(explained.diagnostics, explained.sources, "text")
    if not explained.ok:
        return 1
    print(render_text(explained.plans, optimized=optimize))
    return 0
