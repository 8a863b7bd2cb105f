"""`flowc run`: run a pipeline on this machine (the local runner, `flowc.run`)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from flowc.cli.common import add_inputs, add_level, config_and_level, report


def register(sub: Any) -> None:
    p = sub.add_parser("run", help="run a pipeline on this machine: steps in parallel, results in a local store")
    add_inputs(p)
    p.add_argument("--pipeline", metavar="NAME", help="the pipeline to run (needed when the files define several)")
    p.add_argument("--param", action="append", default=[], metavar="NAME=VALUE", help="a pipeline parameter (repeatable)")
    p.add_argument("-j", "--jobs", type=_positive, default=None, metavar="N", help="steps run at once (default: the number of cores)")
    p.add_argument("--no-cache", action="store_true", help="run every step, even those with cache=True and a stored result")
    p.add_argument("--resume", metavar="RUN_ID", help="continue this run: its succeeded steps are kept, the rest run")
    p.add_argument(
        "--containers", choices=("docker", "local"), default=None,
        help="container tasks through docker (default when docker is on PATH), or their commands as local processes",
    )
    p.add_argument("--store", type=Path, metavar="DIR", help="the run store (default: [tool.flowc] store, or .flowc/runs beside pyproject.toml)")
    add_level(p, "run the program as written, without fusion or duplicate elimination")
    p.set_defaults(handler=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def run(args: argparse.Namespace) -> int:
    from flowc.run import run_pipeline
    from flowc.run.store import StoreError, store_root

    settled = config_and_level(args, "run")
    if isinstance(settled, int):
        return settled
    config, optimize = settled
    try:
        outcome = run_pipeline(
            args.paths, pipeline=args.pipeline, params=args.param, jobs=args.jobs, use_cache=not args.no_cache,
            resume=args.resume, containers=args.containers, store_root=store_root(args.store, config.store, config.path),
            root=args.root or config.root, defaults=config.task_defaults, optimize=optimize, reuse=True, pyproject=config.path,
        )
    except StoreError as exc:
        print(f"flowc run: {exc}", file=sys.stderr)
        return 1
    report(outcome.diagnostics, outcome.sources, "text")
    for name, value in outcome.outputs.items():
        print(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    return 0 if outcome.ok else 1
