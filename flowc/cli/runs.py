"""`flowc runs` and `flowc show RUN_ID`: past local runs from the run store (logic in flowc/run/history.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flowc.cli.common import config_error

if TYPE_CHECKING:
    from flowc.run.store import RunStore


def register(sub: Any) -> None:
    runs = sub.add_parser("runs", help="list past `flowc run` runs, newest first")
    add_store(runs)
    runs.add_argument("-n", "--limit", type=int, default=20, metavar="N", help="show the newest N runs (default 20; 0: all)")
    runs.add_argument("--format", choices=("text", "json"), default="text")
    runs.set_defaults(handler=list_runs)
    show = sub.add_parser("show", help="one run: its steps, cache hits, durations, outputs and artifacts")
    show.add_argument("run_id", metavar="RUN_ID", help="a run id, a unique prefix of one, or `latest`")
    add_store(show)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=show_run)


def add_store(p: argparse.ArgumentParser) -> None:
    """`--store`, shared by `flowc run`, `runs` and `show`."""
    p.add_argument("--store", type=Path, metavar="DIR", help="the run store (default: [tool.flowc] store, or .flowc/runs)")


def store_path(args: argparse.Namespace) -> Path:
    """The store folder `args` mean: `--store`, else `[tool.flowc] store`, else `.flowc/runs` by pyproject.toml."""
    from flowc.config import load_config
    from flowc.run.store import store_root

    if args.store is not None:
        return store_root(args.store)
    config = load_config(Path.cwd())
    return store_root(None, config.store, config.path)


def _open(args: argparse.Namespace) -> RunStore | None:
    """The store, or None when it holds no runs (never created just to be read)."""
    from flowc.run.store import DATABASE, RunStore

    root = store_path(args)
    return RunStore.open(root) if (root / DATABASE).is_file() else None


def list_runs(args: argparse.Namespace) -> int:
    from flowc.config import ConfigError
    from flowc.run.history import runs_json, runs_table

    try:
        store = _open(args)
    except ConfigError as exc:
        return config_error(exc, "text")
    runs = [] if store is None else store.runs()
    if store is not None:
        store.close()
    runs = runs[: args.limit] if args.limit > 0 else runs
    print(runs_json(runs) if args.format == "json" else runs_table(runs))
    return 0


def show_run(args: argparse.Namespace) -> int:
    from flowc.config import ConfigError
    from flowc.run.history import show_json, show_text
    from flowc.run.store import StoreError

    try:
        store = _open(args)
    except ConfigError as exc:
        return config_error(exc, "text")
    if store is None:
        print(f"flowc show: no runs in {store_path(args)}: `flowc run PIPELINE.py` records them", file=sys.stderr)
        return 1
    with store:
        try:
            run = store.run(args.run_id)
        except StoreError as exc:
            print(f"flowc show: {exc}", file=sys.stderr)
            return 1
        steps, origins = store.steps(run.id), store.origins(run.id)
    text = (show_json if args.format == "json" else show_text)(run, steps, origins)
    print(text.rstrip("\n"))
    return 0
