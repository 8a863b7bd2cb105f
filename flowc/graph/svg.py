"""SVG through Graphviz's `dot` program, when it is installed."""

from __future__ import annotations

import shutil
import subprocess

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic

DOT_TIMEOUT_SECONDS = 120


class GraphError(Exception):
    """A drawing could not be made; carries the diagnostic to report."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def dot_to_svg(dot: str) -> str:
    """Run `dot -Tsvg` on `dot`; a missing or failing `dot` is a `GraphError`."""
    program = shutil.which("dot")
    if program is None:
        raise GraphError(Diagnostic.of(codes.GRAPHVIZ_MISSING, None))
    try:
        done = subprocess.run(
            [program, "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=DOT_TIMEOUT_SECONDS, check=False
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GraphError(Diagnostic.of(codes.GRAPHVIZ_FAILED, None, exc)) from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise GraphError(Diagnostic.of(codes.GRAPHVIZ_FAILED, None, reason))
    return done.stdout.decode("utf-8")
