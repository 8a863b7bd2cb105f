"""`flowc lsp`: the language server on stdin/stdout (docs/editors.md)."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    lsp = sub.add_parser("lsp", help="run the language server on stdin/stdout (for editors: docs/editors.md)")
    lsp.add_argument("--stdio", action="store_true", help="accepted for editors that pass it; stdio is the only transport")
    lsp.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flowc.lsp import serve

    return serve()
