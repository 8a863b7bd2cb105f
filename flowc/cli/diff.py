"""`flowc diff`: which steps a change re-runs, and why (two git revisions, or two directories)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from flowc.cli.common import add_no_optimize, report
from flowc.diff import FORMATS


def register(sub: Any) -> None:
    p = sub.add_parser("diff", help="which steps a change re-runs, and why: two git revisions or two directories")
    p.add_argument(
        "arguments", nargs="*", metavar="[A [B]] [PATH]",
        help="revisions A (default HEAD) and B (default: the working tree), or two directories; "
        "then the paths to read (default: [tool.flowc] paths, or everything)",
    )
    p.add_argument("--format", choices=FORMATS, default="text", help="markdown: a pull-request comment; github: annotations")
    add_no_optimize(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc.diff import diff
    from flowc.diff.render import render
    from flowc.diff.sides import request_from

    here = Path.cwd()
    request = request_from(args.arguments, here)
    if args.no_optimize:
        request = dataclasses.replace(request, optimize=False)
    result = diff(request, here)
    report(result.diagnostics, result.sources, "github" if args.format == "github" else "text")
    if not result.ok:
        return 1
    text = render(result, args.format)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
