"""`flowc lsp`: a language server publishing flowc's diagnostics as the user types, with hover
and go to definition on task and pipeline calls. It reads the editor's text like `flowc
check` reads files: statically, never importing or running it.

Needs the `lsp` extra (`pip install 'flowc[lsp]'`: pygls and lsprotocol). Modules:
`server.py` (protocol wiring), `session.py` (state between messages), `analysis.py`
(what is checked, and how), `debounce.py`, `diagnostics.py`, `positions.py` (LSP's
0-based UTF-16 positions), `calls.py`, `hover.py`, `definition.py`.
"""

from __future__ import annotations

import sys


def serve() -> int:
    """Run the server on stdin/stdout; exit code 2 with an install hint when pygls is missing."""
    try:
        from flowc.lsp.server import serve as serve_stdio
    except ImportError as exc:
        print(f"flowc lsp: {exc}; install the language server's dependencies: pip install 'flowc[lsp]'", file=sys.stderr)
        return 2
    return serve_stdio()
