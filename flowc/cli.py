"""The `flowc` command: parse arguments, call `flowc.api`, print diagnostics.

Exit codes: 0 success, 1 user errors (diagnostics printed), 2 bad usage or an
internal error (reported in one line; set FLOWC_DEBUG=1 for the traceback).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import flowc
from flowc.config import Config, ConfigError, load_config

ALL_TARGETS = ("kfp", "airflow", "flyte")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        code = int(args.handler(args))
        sys.stdout.flush()
        return code
    except BrokenPipeError:
        return _stdout_closed()
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: never a traceback for users
        if os.environ.get("FLOWC_DEBUG"):
            raise
        print(f"flowc: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        print("  = hint: this is a bug in flowc; rerun with FLOWC_DEBUG=1 and report it", file=sys.stderr)
        return 2


def _stdout_closed() -> int:
    """The reader of stdout went away (`flowc check | head`): end quietly, as Python's docs advise.

    Later writes, including the flush at exit, go to /dev/null instead of raising again.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout is not a real file (captured in tests)
        pass
    finally:
        os.close(devnull)
    return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="flowc", description=flowc.__doc__.splitlines()[0] if flowc.__doc__ else None)
    parser.add_argument("--version", action="version", version=f"flowc {flowc.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check pipelines without writing anything")
    _add_inputs(check)
    check.add_argument("--format", choices=("text", "json", "github"), default="text", help="diagnostic format")
    check.set_defaults(handler=_check)

    ir = sub.add_parser("ir", help="print the IR of pipelines as JSON")
    _add_inputs(ir, required=False)
    ir.add_argument("--schema", action="store_true", help="print the IR's JSON Schema instead")
    ir.add_argument("--no-optimize", action="store_true", help="print the IR before optimization passes")
    ir.set_defaults(handler=_ir)

    comp = sub.add_parser("compile", help="compile pipelines for one or more engines")
    _add_inputs(comp)
    comp.add_argument(
        "-t", "--target", action="append", default=[],
        help=f"engine: {', '.join(ALL_TARGETS)} or all (repeatable, or comma-separated)",
    )
    comp.add_argument("-o", "--out", type=Path, help="output folder (default: [tool.flowc] out, or ./build/flowc)")
    comp.add_argument(
        "-O", "--option", action="append", default=[], metavar="TARGET.KEY=VALUE",
        help="backend option, e.g. airflow.mode=kubernetes or flyte.package=true",
    )
    comp.add_argument("--format", choices=("text", "json", "github"), default="text", help="diagnostic format")
    comp.set_defaults(handler=_compile)

    dep = sub.add_parser("deploy", help="compile and deploy pipelines to a running engine (airflow)")
    _add_inputs(dep)
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
    dep.add_argument("-O", "--option", action="append", default=[], metavar="TARGET.KEY=VALUE", help="backend option")
    dep.set_defaults(handler=_deploy)
    return parser


def _add_inputs(p: argparse.ArgumentParser, required: bool = True) -> None:
    p.add_argument("paths", nargs="+" if required else "*", metavar="PATH", help="pipeline files or folders")
    p.add_argument("--root", type=Path, help="import root of the pipeline modules")


def _config(args: argparse.Namespace) -> Config:
    first = Path(args.paths[0]) if args.paths else Path.cwd()
    start = first if first.is_dir() else first.parent
    return load_config(start if start.exists() else Path.cwd())


def _report(diagnostics: Sequence[Any], sources: dict[str, str], fmt: str) -> None:
    from flowc import api
    from flowc.ir.diagnostics import render_github, render_json

    if fmt == "json":
        print(render_json(diagnostics))
    elif fmt == "github":
        for d in diagnostics:
            print(render_github(d))
    elif diagnostics:
        print(api.render(diagnostics, sources), file=sys.stderr)


def _config_error(exc: ConfigError, fmt: str) -> int:
    from flowc.ir import codes
    from flowc.ir.diagnostics import Diagnostic

    _report([Diagnostic.of(codes.BAD_CONFIG, None, str(exc))], {}, fmt)
    return 1


def _check(args: argparse.Namespace) -> int:
    from flowc import api

    try:
        config = _config(args)
    except ConfigError as exc:
        return _config_error(exc, args.format)
    loaded = api.load(args.paths, root=args.root or config.root, optimize=False)
    _report(loaded.diagnostics, loaded.sources, args.format)
    if args.format == "text":
        errors = sum(d.is_error for d in loaded.diagnostics)
        summary = (
            f"{len(loaded.sources)} file(s), {len(loaded.program.pipelines)} pipeline(s), "
            f"{len(loaded.program.tasks)} task(s): "
        )
        print(summary + (f"{errors} error(s)" if errors else "ok"), file=sys.stderr if errors else sys.stdout)
    return 0 if loaded.ok else 1


def _ir(args: argparse.Namespace) -> int:
    from flowc import api

    if args.schema:
        from flowc.ir.schema import ir_json_schema

        print(json.dumps(ir_json_schema(), indent=2, sort_keys=True))
        return 0
    if not args.paths:
        print("flowc ir: give PATH... or --schema", file=sys.stderr)
        return 2
    try:
        config = _config(args)
    except ConfigError as exc:
        return _config_error(exc, "text")
    loaded = api.load(args.paths, root=args.root or config.root, optimize=not args.no_optimize)
    _report(loaded.diagnostics, loaded.sources, "text")
    if not loaded.ok:
        return 1
    print(loaded.program.model_dump_json(indent=2))
    return 0


def _targets(requested: Sequence[str], config: Config) -> list[str]:
    names = [t.strip() for item in requested for t in item.split(",") if t.strip()] or list(config.targets)
    if not names:
        names = ["all"]
    out: list[str] = []
    for name in names:
        for t in ALL_TARGETS if name == "all" else (name,):
            if t not in out:
                out.append(t)
    return out


def parse_options(items: Sequence[str], config: Config) -> dict[str, dict[str, Any]]:
    """`target.key=value` flags over `[tool.flowc.<target>]`; values parse as JSON when they can."""
    options = {t: dict(v) for t, v in config.backend_options.items()}
    for item in items:
        key, sep, raw = item.partition("=")
        target, dot, name = key.partition(".")
        if not sep or not dot or not target or not name:
            raise ValueError(f"--option {item!r}: write TARGET.KEY=VALUE, e.g. airflow.mode=kubernetes")
        try:
            value: Any = json.loads(raw)
        except json.JSONDecodeError:
            value = raw
        options.setdefault(target, {})[name] = value
    return options


def _compile(args: argparse.Namespace) -> int:
    from flowc import api

    try:
        config = _config(args)
    except ConfigError as exc:
        return _config_error(exc, args.format)
    try:
        options = parse_options(args.option, config)
    except ValueError as exc:
        print(f"flowc compile: {exc}", file=sys.stderr)
        return 2
    out = args.out or config.out or Path("build/flowc")
    outcome = api.compile_to(args.paths, _targets(args.target, config), out, options=options, root=args.root or config.root)
    _report(outcome.diagnostics, outcome.sources, args.format)
    if not outcome.ok:
        return 1
    if args.format == "text":
        for target, paths in outcome.written.items():
            for path in paths:
                print(f"{target:8} {path}")
    return 0


def _deploy(args: argparse.Namespace) -> int:
    from flowc import api
    from flowc.backends.airflow.deploy import DeployTarget, deploy

    try:
        config = _config(args)
        options = parse_options(args.option, config)
        conf = json.loads(args.conf)
    except (ConfigError, ValueError) as exc:
        print(f"flowc deploy: {exc}", file=sys.stderr)
        return 2
    loaded = api.load(args.paths, root=args.root or config.root)
    emitted = api.emit(loaded.program, args.target, options.get(args.target, {})) if loaded.ok else None
    diagnostics = [*loaded.diagnostics, *(emitted.diagnostics if emitted else [])]
    _report(diagnostics, loaded.sources, "text")
    if emitted is None or not api.Loaded(loaded.program, diagnostics).ok:
        return 1
    refused = api.check_output(args.dags_folder, list(emitted.files), list(loaded.sources))
    if refused is not None:
        _report([refused], loaded.sources, "text")
        return 1
    target = DeployTarget(args.url, args.dags_folder, args.token, args.username, args.password, timeout=args.timeout)
    result = deploy(emitted.files, target, trigger=args.trigger, conf=conf, wait=args.wait, only=args.dag or None, log=print)
    _report(result.diagnostics, loaded.sources, "text")
    return 0 if result.ok else 1


if __name__ == "__main__":
    sys.exit(main())
