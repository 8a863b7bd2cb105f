"""The `flowc` command: parse arguments, call the library, print diagnostics.

One module per command, each with `register(subparsers)`; `app.COMMANDS` lists them in
help order. Shared argument and config handling is in `common`.

Exit codes: 0 success, 1 user errors (diagnostics printed), 2 bad usage or an
internal error (reported in one line; set FLOWC_DEBUG=1 for the traceback).
"""

from flowc.cli.app import _replay, main  # pyright: ignore[reportPrivateUsage]

__all__ = ["_replay", "main"]
