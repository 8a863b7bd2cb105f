"""Diagnostics in the formats `check` and `compile` print: text, json, github, sarif."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the CLI imports this module on its fast path, before pydantic
    from flowc.ir.diagnostics import Diagnostic

FORMATS = ("text", "json", "github", "sarif")


def formatted(diagnostics: Sequence[Diagnostic], sources: Mapping[str, str], fmt: str) -> tuple[str | None, bool]:
    """`diagnostics` as `fmt` (None: nothing to print), and whether it belongs on stderr (text, for people)."""
    import flowc
    from flowc.ir.diagnostics import render_github, render_json

    if fmt == "json":
        return render_json(diagnostics), False
    if fmt == "sarif":
        from flowc.ir.sarif import render_sarif

        return render_sarif(diagnostics, flowc.__version__), False
    if fmt == "github":
        return "\n".join(render_github(d) for d in diagnostics) or None, False
    if not diagnostics:
        return None, True
    from flowc import api  # not before: a clean `flowc run` from the prepared-program cache never needs it

    return api.render(diagnostics, sources), True
