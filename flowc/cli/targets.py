"""`flowc targets`: the installed backends and their options."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    targets = sub.add_parser("targets", help="list the installed backends and their options")
    targets.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc.backends.catalog import targets_listing

    print(targets_listing())
    return 0
