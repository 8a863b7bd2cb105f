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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import flowc
from flowc.config import (
    Config,
    ConfigError,
    check_option_tables,
    find_pyproject,
    load_config,
    option_tables,
    should_optimize,
    shown,
    split_optimization_levels,
    unknown_flag_targets,
)
from flowc.report import FORMATS

if TYPE_CHECKING:
    from flowc.api import Loaded
    from flowc.incremental import Request
    from flowc.incremental.units import Checked


def main(argv: Sequence[str] | None = None) -> int:
    try:
        replayed = _replay(list(sys.argv[1:] if argv is None else argv))
        if replayed is not None:
            return replayed
        parser = _parser()  # lists the registered targets: imports importlib.metadata
        args = parser.parse_args(argv)
        if not getattr(args, "command", None):
            parser.print_help()
            return 2
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

    check = sub.add_parser("check", help="compile without writing: every error compile would report")
    _check_arguments(check)
    check.set_defaults(handler=_check)

    ir = sub.add_parser("ir", help="print the IR of pipelines as JSON")
    _add_inputs(ir, required=False)
    ir.add_argument("--schema", action="store_true", help="print the IR's JSON Schema instead")
    ir.add_argument("--no-optimize", action="store_true", help="print the IR before optimization passes")
    ir.add_argument("-O", dest="option", action="append", default=[], metavar="LEVEL", help="-O0: as --no-optimize")
    ir.set_defaults(handler=_ir)

    comp = sub.add_parser("compile", help="compile pipelines for one or more engines")
    _add_inputs(comp, required=False)
    _add_targets(comp)
    comp.add_argument("-o", "--out", type=Path, help="output folder (default: [tool.flowc] out, or ./build/flowc)")
    comp.add_argument("--format", choices=FORMATS, default="text", help="diagnostic format")
    stale = comp.add_mutually_exclusive_group()
    stale.add_argument("--check", action="store_true", help="write nothing; exit 1 naming each missing or out-of-date file")
    stale.add_argument(
        "--exit-non-zero-on-change", action="store_true",
        help="write, and exit 1 naming each file that was missing or out of date (the pre-commit hook)",
    )
    comp.set_defaults(handler=_compile)

    exp = sub.add_parser("explain", help="show the engine steps the optimizer makes of each pipeline, and why")
    _add_inputs(exp)
    exp.add_argument("--pipeline", action="append", default=[], metavar="NAME", help="only this pipeline (repeatable)")
    exp.add_argument("--format", choices=("text", "json"), default="text", help="a listing, or JSON for tools")
    exp.add_argument("-O", dest="option", action="append", default=[], metavar="LEVEL", help="-O0: the plan without optimization")
    _add_no_optimize(exp)
    exp.set_defaults(handler=_explain)

    hook = sub.add_parser("hook", help="what the pre-commit hooks run (.pre-commit-hooks.yaml)")
    hook.add_argument("hook", choices=("check", "compile"), help="flowc-check or flowc-compile")
    hook.add_argument("files", nargs="*", metavar="FILE", help="the staged files pre-commit passes")
    hook.set_defaults(handler=_hook)

    targets = sub.add_parser("targets", help="list the installed backends and their options")
    targets.set_defaults(handler=_list_targets)

    graph = sub.add_parser("graph", help="print the DAG of pipelines as Mermaid, Graphviz DOT or SVG")
    _add_inputs(graph)
    graph.add_argument("--pipeline", metavar="NAME", help="only this pipeline (default: every pipeline of the files given)")
    graph.add_argument("--format", choices=("mermaid", "dot", "svg"), default="mermaid", help="svg runs Graphviz's dot")
    graph.add_argument("-O", dest="option", action="append", default=[], metavar="LEVEL", help="-O0: draw the program unoptimized")
    graph.add_argument("--no-optimize", action="store_true", help="as -O0: no fused steps")
    graph.set_defaults(handler=_graph)

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
    dep.add_argument("-O", "--option", action="append", default=[], metavar="TARGET.KEY=VALUE", help="backend option; -O0: no optimizer")
    _add_no_optimize(dep)
    dep.set_defaults(handler=_deploy)

    lsp = sub.add_parser("lsp", help="run the language server on stdin/stdout (for editors: docs/editors.md)")
    lsp.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the only transport")
    lsp.set_defaults(handler=_lsp)
    return parser


def _check_arguments(p: argparse.ArgumentParser, targets: Sequence[str] | None = None) -> None:
    _add_inputs(p, required=False)
    _add_targets(p, targets)
    p.add_argument("--format", choices=FORMATS, default="text", help="diagnostic format")
    p.add_argument("--no-cache", action="store_true", help="check every file again; neither use nor store results in .flowc/")


class _NotQuick(Exception):
    """The arguments need the full parser (help, a usage error): no replay."""


class _QuickParser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _NotQuick(message)


def _replay(argv: list[str]) -> int | None:
    """The stored output of an unchanged `flowc check` (flowc.incremental), before anything heavy is imported."""
    if argv[:1] != ["check"]:
        return None
    parser = _QuickParser(prog="flowc check", add_help=False)
    _check_arguments(parser, targets=())
    try:
        args = parser.parse_args(argv[1:])
    except _NotQuick:
        return None
    if args.no_cache or not args.paths:  # paths from [tool.flowc]: resolved by the full check
        return None
    from flowc import incremental

    return incremental.replay(_request(args))


def _request(args: argparse.Namespace) -> Request:
    from flowc.incremental import Request

    root = str(args.root) if args.root is not None else None
    pyproject = find_pyproject(_config_start(args))
    return Request(tuple(args.paths), root, tuple(args.target), tuple(args.option), args.no_optimize, args.format, pyproject)


def _add_inputs(p: argparse.ArgumentParser, required: bool = True) -> None:
    what = "pipeline files or folders" + ("" if required else " (default: [tool.flowc] paths)")
    p.add_argument("paths", nargs="+" if required else "*", metavar="PATH", help=what)
    p.add_argument("--root", type=Path, help="import root of the pipeline modules")


def _add_targets(p: argparse.ArgumentParser, names: Sequence[str] | None = None) -> None:
    if names is None:
        from flowc.backends import registry

        names = registry.available()
    p.add_argument(
        "-t", "--target", action="append", default=[],
        help=f"engine: {', '.join(names)} or all (repeatable, or comma-separated; "
        "default: [tool.flowc] targets, or all)",
    )
    p.add_argument(
        "-O", "--option", action="append", default=[], metavar="TARGET.KEY=VALUE",
        help="backend option, e.g. airflow.mode=kubernetes (`flowc targets` lists them); "
        "-O0 turns the optimizer off, -O1 on",
    )
    _add_no_optimize(p)


def _add_no_optimize(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-optimize", action="store_true",
        help="no fusion or duplicate elimination (as -O0; default: [tool.flowc] optimize, or on)",
    )


def _config(args: argparse.Namespace) -> Config:
    return load_config(_config_start(args))


def _config_start(args: argparse.Namespace) -> Path:
    """Where the search for pyproject.toml starts: the first path's folder."""
    first = Path(args.paths[0]) if args.paths else Path.cwd()
    start = first if os.path.isdir(first) else first.parent  # os.path: an unreadable path is not an error here
    return start if os.path.isdir(start) else Path.cwd()


def _report(diagnostics: Sequence[Any], sources: dict[str, str], fmt: str) -> None:
    from flowc.report import formatted

    text, for_people = formatted(diagnostics, sources, fmt)
    if text is not None:
        print(text, file=sys.stderr if for_people else sys.stdout)


def _config_error(exc: ConfigError, fmt: str) -> int:
    from flowc.ir import codes
    from flowc.ir.diagnostics import Diagnostic

    _report([Diagnostic.of(codes.BAD_CONFIG, None, str(exc))], {}, fmt)
    return 1


@dataclass
class _Settings:
    config: Config
    targets: list[str]
    options: dict[str, dict[str, object]]
    optimize: bool
    whole_project: bool = False  # the paths are [tool.flowc] paths: leftover artifacts can be told apart


def _settings(args: argparse.Namespace, command: str) -> _Settings | int:
    """Config, targets and backend options; an int is the exit code when they are unusable."""
    from flowc.backends import registry
    from flowc.ir.diagnostics import sorted_diagnostics

    try:
        config = _config(args)
    except ConfigError as exc:
        return _config_error(exc, args.format)
    flags, level = split_optimization_levels(args.option)
    try:
        options = option_tables(config, flags)
    except ValueError as exc:
        print(f"flowc {command}: {exc}", file=sys.stderr)
        return 2
    problems = [*config.diagnostics, *check_option_tables(config, flags)]
    problems = sorted_diagnostics([*problems, *unknown_flag_targets(flags, registry.available())])
    if problems:
        sources = {str(config.path): config.path.read_text(encoding="utf-8")} if config.path else {}
        _report(problems, sources, args.format)
        return 1
    if not args.paths and not config.paths:
        print(f"flowc {command}: give PATH..., or set [tool.flowc] paths in pyproject.toml", file=sys.stderr)
        return 2
    whole_project = not args.paths
    args.paths = args.paths or [shown(p) for p in config.paths]
    names = [t.strip() for item in args.target for t in item.split(",") if t.strip()]
    targets = registry.expand(names or list(config.targets) or ["all"])
    return _Settings(config, targets, options, should_optimize(config, level, args.no_optimize), whole_project)


def _check(args: argparse.Namespace) -> int:
    from flowc import api, incremental
    from flowc.incremental.units import Checked, run_check

    settings = _settings(args, "check")
    if isinstance(settings, int):
        return settings
    root = args.root or settings.config.root
    if args.no_cache:
        loaded = api.check(
            args.paths, settings.targets, options=settings.options, root=root,
            optimize=settings.optimize, defaults=settings.config.task_defaults,
        )
        return _report_check(Checked.of(loaded), args.format)
    return incremental.check(
        _request(args),
        lambda snapshot, kept, stale: run_check(
            args.paths, settings.targets, settings.options, root, snapshot, kept, stale,
            optimize=settings.optimize, defaults=settings.config.task_defaults,
        ),
        lambda checked: _report_check(checked, args.format),
    )


def _report_check(checked: Checked, fmt: str) -> int:
    _report(checked.diagnostics, checked.sources, fmt)
    if fmt == "text":
        errors = sum(d.is_error for d in checked.diagnostics)
        summary = f"{checked.files} file(s), {checked.pipelines} pipeline(s), {checked.tasks} task(s): "
        print(summary + (f"{errors} error(s)" if errors else "ok"), file=sys.stderr if errors else sys.stdout)
    return 0 if checked.ok else 1


def _list_targets(args: argparse.Namespace) -> int:
    from flowc.backends.catalog import targets_listing

    print(targets_listing())
    return 0


def _graph(args: argparse.Namespace) -> int:
    from flowc.graph import GraphError, render

    loaded = _loaded(args, "graph")
    if isinstance(loaded, int):
        return loaded
    try:
        sys.stdout.write(render(loaded.program, args.format, args.pipeline))
    except GraphError as exc:
        _report([exc.diagnostic], loaded.sources, "text")
        return 1
    return 0


def _config_and_level(args: argparse.Namespace, command: str) -> tuple[Config, bool] | int:
    """The config and whether to optimize, for a command whose `-O` takes only a level; else an exit code (said why)."""
    try:
        config = _config(args)
    except ConfigError as exc:
        return _config_error(exc, "text")
    flags, level = split_optimization_levels(args.option)
    if flags:
        print(f"flowc {command}: -O {flags[0]}: only -O0 (no optimization) or -O1 apply here", file=sys.stderr)
        return 2
    return config, should_optimize(config, level, args.no_optimize)


def _loaded(args: argparse.Namespace, command: str) -> Loaded | int:
    """`args.paths` loaded as `command`'s flags and config say, diagnostics printed; an exit code if unusable."""
    from flowc import api

    settings = _config_and_level(args, command)
    if isinstance(settings, int):
        return settings
    config, optimize = settings
    loaded = api.load(args.paths, root=args.root or config.root, optimize=optimize, defaults=config.task_defaults)
    _report(loaded.diagnostics, loaded.sources, "text")
    return loaded if loaded.ok else 1


def _ir(args: argparse.Namespace) -> int:
    if args.schema:
        from flowc.ir.schema import ir_json_schema

        print(json.dumps(ir_json_schema(), indent=2, sort_keys=True))
        return 0
    if not args.paths:
        print("flowc ir: give PATH... or --schema", file=sys.stderr)
        return 2
    loaded = _loaded(args, "ir")
    if isinstance(loaded, int):
        return loaded
    print(loaded.program.model_dump_json(indent=2))
    return 0


def _explain(args: argparse.Namespace) -> int:
    from flowc import api
    from flowc.explain import render_json, render_text

    settings = _config_and_level(args, "explain")
    if isinstance(settings, int):
        return settings
    config, optimize = settings
    explained = api.explain(
        args.paths, root=args.root or config.root, optimize=optimize, pipelines=args.pipeline, defaults=config.task_defaults
    )
    if args.format == "json":
        print(render_json(explained.plans, explained.diagnostics, optimized=optimize))
        return 0 if explained.ok else 1
    _report(explained.diagnostics, explained.sources, "text")
    if not explained.ok:
        return 1
    print(render_text(explained.plans, optimized=optimize))
    return 0


def _compile(args: argparse.Namespace) -> int:
    from flowc import api

    settings = _settings(args, "compile")
    if isinstance(settings, int):
        return settings
    config = settings.config
    out = args.out or (Path(shown(config.out)) if config.out else Path("build/flowc"))
    run = api.stale_artifacts if args.check else api.compile_to
    outcome = run(
        args.paths, settings.targets, out, options=settings.options, root=args.root or config.root,
        defaults=config.task_defaults, optimize=settings.optimize, leftovers=settings.whole_project,
    )
    changed = [s.diagnostic(regenerated=True) for s in outcome.stale] if args.exit_non_zero_on_change and outcome.ok else []
    _report([*outcome.diagnostics, *changed], outcome.sources, args.format)
    if not outcome.ok or changed:
        return 1
    if args.format == "text":
        for target, paths in outcome.written.items():
            for path in paths:
                print(f"{target:8} {path}")
        if args.check:
            print(f"all generated files in {out} are current")
    return 0


def _hook(args: argparse.Namespace) -> int:
    """A pre-commit hook: nothing to do unless a staged file lies under the configured paths."""
    from flowc import precommit

    try:
        config = load_config(Path.cwd())
    except ConfigError as exc:
        return _config_error(exc, "text")
    if config.paths and not precommit.touches(config, args.files, artifacts=args.hook == "compile"):
        return 0
    if args.hook == "compile":  # [tool.flowc] paths and out (without paths: compile's usage error says to set them)
        return main(["compile", "--exit-non-zero-on-change"])
    paths = precommit.hook_paths(config, args.files)
    return main(["check", *paths]) if paths else 0


def _deploy(args: argparse.Namespace) -> int:
    from flowc import api
    from flowc.backends.airflow.deploy import DeployTarget, deploy

    try:
        config = _config(args)
        flags, level = split_optimization_levels(args.option)
        options = option_tables(config, flags)
        conf = json.loads(args.conf)
    except (ConfigError, ValueError) as exc:
        print(f"flowc deploy: {exc}", file=sys.stderr)
        return 2
    optimize = should_optimize(config, level, args.no_optimize)
    loaded = api.load(args.paths, root=args.root or config.root, optimize=optimize, defaults=config.task_defaults)
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


def _lsp(args: argparse.Namespace) -> int:
    from flowc.lsp import serve

    return serve()


if __name__ == "__main__":
    sys.exit(main())
