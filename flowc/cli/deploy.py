"""`flowc deploy`: compile and deploy pipelines to a running engine (Airflow)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from flowc.cli.common import add_inputs, add_no_optimize, config, report
from flowc.config import ConfigError, option_tables, should_optimize, split_optimization_levels


def register(sub: Any) -> None:
    dep = sub.add_parser("deploy", help="compile and deploy pipelines to a running engine (airflow)")
    add_inputs(dep)
    dep.add_argument("--target", choices=("airflow",), default="airflow", help="engine to deploy to")
    dep.add_argument("--url", required=True, help="the server's base URL, e.g. http://127.0.0.1:8080")
    dep.add_argument("--dags-folder", type=Path, required=True, help="the server's DAG folder (written atomically)")
    dep.add_argument("--token", default=os.environ.get("FLOWC_AIRFLOW_TOKEN"), help="API token (or $FLOWC_AIRFLOW_TOKEN)")
    dep.add_argument("--username", help="user for POST /auth/token")
    dep.add_argument("--password", default=os.environ.get("FLOWC_AIRFLOW_PASSWORD"), help="password (or $FLOWC_AIRFLOW_PASSWORD)")
    dep.add_argument("--trigger", action="store_true", help="trigger a run of each deployed DAG")
    dep.add_argument("--dag", action="append", default=[], help="trigger only this DAG id (repeatable)")
    dep.add_argument("--conf", default="{}", help="JSON run configuration (pipeline arguments) for --trigger")
    dep.add_argument("--wait", action="store_true", help="wait for triggered runs and print each task's state")
    dep.add_argument("--timeout", type=float, default=180.0, help="seconds to wait for parsing and for each run")
    dep.add_argument("-O", "--option", action="append", default=[], metavar="TARGET.KEY=VALUE", help="backend option; -O0: no optimizer")
    add_no_optimize(dep)
    dep.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc import api
    from flowc.backends.airflow.deploy import DeployTarget, deploy

    try:
        loaded_config = config(args)
        flags, level = split_optimization_levels(args.option)
        options = option_tables(loaded_config, flags)
        conf = json.loads(args.conf)
    except (ConfigError, ValueError) as exc:
        print(f"flowc deploy: {exc}", file=sys.stderr)
        return 2
    optimize = should_optimize(loaded_config, level, args.no_optimize)
    program = api.load(args.paths, root=args.root or loaded_config.root, optimize=optimize, defaults=loaded_config.task_defaults)
    emitted = api.emit(program.program, args.target, options.get(args.target, {})) if program.ok else None
    diagnostics = [*program.diagnostics, *(emitted.diagnostics if emitted else [])]
    report(diagnostics, program.sources, "text")
    if emitted is None or not api.Loaded(program.program, diagnostics).ok:
        return 1
    refused = api.check_output(args.dags_folder, list(emitted.files), list(program.sources))
    if refused is not None:
        report([refused], program.sources, "text")
        return 1
    target = DeployTarget(args.url, args.dags_folder, args.token, args.username, args.password, timeout=args.timeout)
    result = deploy(emitted.files, target, trigger=args.trigger, conf=conf, wait=args.wait, only=args.dag or None, log=print)
    report(result.diagnostics, program.sources, "text")
    return 0 if result.ok else 1
