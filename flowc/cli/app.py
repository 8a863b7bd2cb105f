"""`main`: the replay fast path, the parser built from the command modules, the last line of defence."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

import flowc
from flowc.cli import check, compile, deploy, diff, explain, graph, hook, importer, ir, lsp, run, runs, targets
from flowc.cli.common import check_arguments, request

# Each module: `register(subparsers)`, adding its command(s) with a `handler`. Listed in help order.
COMMANDS = (check, ir, compile, run, runs, explain, diff, hook, targets, graph, deploy, lsp, importer)


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
    for command in COMMANDS:
        command.register(sub)
    return parser


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
    check_arguments(parser, targets=())
    try:
        args = parser.parse_args(argv[1:])
    except _NotQuick:
        return None
    if args.no_cache or not args.paths:  # paths from [tool.flowc]: resolved by the full check
        return None
    from flowc import incremental

    return incremental.replay(request(args))
