"""What several commands share: input and target arguments, config and settings, printing diagnostics."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def check_arguments(p: argparse.ArgumentParser, targets: Sequence[str] | None = None) -> None:
    add_inputs(p, required=False)
    add_targets(p, targets)
    p.add_argument("--format", choices=FORMATS, default="text", help="diagnostic format")
    add_strict(p)
    p.add_argument("--no-cache", action="store_true", help="check every file again; neither use nor store results in .flowc/")


def request(args: argparse.Namespace) -> Request:
    from flowc.incremental import Request

    root = str(args.root) if args.root is not None else None
    pyproject = find_pyproject(config_start(args))
    strict = bool(getattr(args, "strict", False))  # [tool.flowc] strict is in the key already (pyproject's digest)
    return Request(tuple(args.paths), root, tuple(args.target), tuple(args.option), args.no_optimize, args.format, pyproject, strict)


def add_inputs(p: argparse.ArgumentParser, required: bool = True) -> None:
    what = "pipeline files or folders" + ("" if required else " (default: [tool.flowc] paths)")
    p.add_argument("paths", nargs="+" if required else "*", metavar="PATH", help=what)
    p.add_argument("--root", type=Path, help="import root of the pipeline modules")


def add_targets(p: argparse.ArgumentParser, names: Sequence[str] | None = None) -> None:
    def targets_help() -> str:
        from flowc.backends import registry

        listed = registry.available() if names is None else names
        return f"engine: {', '.join(listed)} or all (repeatable, or comma-separated; default: [tool.flowc] targets, or all)"

    p.add_argument("-t", "--target", action="append", default=[], help=_LazyHelp(targets_help))
    p.add_argument(
        "-O", "--option", action="append", default=[], metavar="TARGET.KEY=VALUE",
        help="backend option, e.g. airflow.mode=kubernetes (`flowc targets` lists them); "
        "-O0 turns the optimizer off, -O1 on",
    )
    add_no_optimize(p)


class _LazyHelp(str):
    """A help text made only when help is shown: listing the targets scans every installed package,
    which every other command line (`flowc run ...`) need not pay for. argparse expands a help
    text with `help % params`, so that is where it is made."""

    make: Callable[[], str]

    def __new__(cls, make: Callable[[], str]) -> _LazyHelp:
        text = super().__new__(cls, "(listed when help is shown)")
        text.make = make
        return text

    def __mod__(self, params: object) -> str:
        return self.make() % params


def add_strict(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--strict", action="store_true",
        help="warnings fail too: exit 1 (and compile writes nothing) when there is any (default: [tool.flowc] strict, or off)",
    )


def add_no_optimize(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--no-optimize", action="store_true",
        help="no fusion or duplicate elimination (as -O0; default: [tool.flowc] optimize, or on)",
    )


def add_level(p: argparse.ArgumentParser, what: str) -> None:
    """`-O0`/`-O1` and `--no-optimize` for a command that takes no backend options."""
    p.add_argument("-O", dest="option", action="append", default=[], metavar="LEVEL", help=f"-O0: {what}")
    add_no_optimize(p)


def config(args: argparse.Namespace) -> Config:
    return load_config(config_start(args))


def config_start(args: argparse.Namespace) -> Path:
    """Where the search for pyproject.toml starts: the first path's folder."""
    first = Path(args.paths[0]) if args.paths else Path.cwd()
    start = first if os.path.isdir(first) else first.parent  # os.path: an unreadable path is not an error here
    return start if os.path.isdir(start) else Path.cwd()


def report(diagnostics: Sequence[Any], sources: dict[str, str], fmt: str) -> None:
    from flowc.report import formatted

    text, for_people = formatted(diagnostics, sources, fmt)
    if text is not None:
        print(text, file=sys.stderr if for_people else sys.stdout)


def config_error(exc: ConfigError, fmt: str) -> int:
    from flowc.ir import codes
    from flowc.ir.diagnostics import Diagnostic

    report([Diagnostic.of(codes.BAD_CONFIG, None, str(exc))], {}, fmt)
    return 1


@dataclass
class Settings:
    config: Config
    targets: list[str]
    options: dict[str, dict[str, object]]
    optimize: bool
    whole_project: bool = False  # the paths are [tool.flowc] paths: leftover artifacts can be told apart
    strict: bool = False  # warnings fail too (`--strict` or [tool.flowc] strict)


def settings(args: argparse.Namespace, command: str) -> Settings | int:
    """Config, targets and backend options; an int is the exit code when they are unusable."""
    from flowc.backends import registry
    from flowc.ir.diagnostics import sorted_diagnostics

    try:
        loaded_config = config(args)
    except ConfigError as exc:
        return config_error(exc, args.format)
    flags, level = split_optimization_levels(args.option)
    try:
        options = option_tables(loaded_config, flags)
    except ValueError as exc:
        print(f"flowc {command}: {exc}", file=sys.stderr)
        return 2
    problems = [*loaded_config.diagnostics, *check_option_tables(loaded_config, flags)]
    problems = sorted_diagnostics([*problems, *unknown_flag_targets(flags, registry.available())])
    if problems:
        sources = {str(loaded_config.path): loaded_config.path.read_text(encoding="utf-8")} if loaded_config.path else {}
        report(problems, sources, args.format)
        return 1
    if not args.paths and not loaded_config.paths:
        print(f"flowc {command}: give PATH..., or set [tool.flowc] paths in pyproject.toml", file=sys.stderr)
        return 2
    whole_project = not args.paths
    args.paths = args.paths or [shown(p) for p in loaded_config.paths]
    names = [t.strip() for item in args.target for t in item.split(",") if t.strip()]
    targets = registry.expand(names or list(loaded_config.targets) or ["all"])
    optimize = should_optimize(loaded_config, level, args.no_optimize)
    strict = bool(getattr(args, "strict", False)) or loaded_config.strict
    return Settings(loaded_config, targets, options, optimize, whole_project, strict)


def config_and_level(args: argparse.Namespace, command: str) -> tuple[Config, bool] | int:
    """The config and whether to optimize, for a command whose `-O` takes only a level; else an exit code (said why)."""
    try:
        loaded_config = config(args)
    except ConfigError as exc:
        return config_error(exc, "text")
    flags, level = split_optimization_levels(args.option)
    if flags:
        print(f"flowc {command}: -O {flags[0]}: only -O0 (no optimization) or -O1 apply here", file=sys.stderr)
        return 2
    return loaded_config, should_optimize(loaded_config, level, args.no_optimize)


def loaded(args: argparse.Namespace, command: str) -> Loaded | int:
    """`args.paths` loaded as `command`'s flags and config say, diagnostics printed; an exit code if unusable."""
    from flowc import api

    settled = config_and_level(args, command)
    if isinstance(settled, int):
        return settled
    loaded_config, optimize = settled
    program = api.load(args.paths, root=args.root or loaded_config.root, optimize=optimize, defaults=loaded_config.task_defaults)
    report(program.diagnostics, program.sources, "text")
    return program if program.ok else 1
