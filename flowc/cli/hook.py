"""`flowc hook check|compile FILE...`: what the pre-commit hooks run (.pre-commit-hooks.yaml)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from flowc.cli.common import check_arguments, config_error
from flowc.config import ConfigError, load_config


def register(sub: Any) -> None:
    hook = sub.add_parser("hook", help="what the pre-commit hooks run (.pre-commit-hooks.yaml)")
    hook.add_argument("hook", choices=("check", "compile"), help="flowc-check or flowc-compile")
    hook.add_argument("files", nargs="*", metavar="FILE", help="the staged files pre-commit passes")
    hook.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Nothing to do unless a staged file lies under the configured paths; then check what the
    staged files concern (flowc.precommit), or compile the whole project."""
    from flowc import precommit
    from flowc.cli.app import main

    try:
        config = load_config(Path.cwd())
    except ConfigError as exc:
        return config_error(exc, "text")
    if config.paths and not precommit.touches(config, args.files, artifacts=args.hook == "compile"):
        return 0
    if args.hook == "compile":  # [tool.flowc] paths and out (without paths: compile's usage error says to set them)
        return main(["compile", "--exit-non-zero-on-change"])
    if not config.paths:  # no [tool.flowc] paths: the staged Python files themselves
        paths = precommit.hook_paths(config, args.files)
        return main(["check", *paths]) if paths else 0
    return _check_changed(precommit.changed_files(config, args.files))


def _check_changed(changed: frozenset[str] | None) -> int:
    """`flowc check` of the project (its cache too), reporting what concerns the `changed` files (None: everything)."""
    from flowc.cli import check

    parser = argparse.ArgumentParser(prog="flowc hook check")
    check_arguments(parser)
    return check.run(parser.parse_args([]), changed)
