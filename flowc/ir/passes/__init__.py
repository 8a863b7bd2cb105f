"""IR -> IR passes, one module each, run in the order of `LOWERING`, `PASSES`, `KEYING` (`order.py`).

A pass is a plain function `Program -> Program`; it never reports user errors (the
validator did that) and never looks at source code. `flowc explain` reports what
each pass decided.

Importing one pass module (`flowc run` needs only the step keys and the declared
constants) does not import every pass: the names below load `order.py` when first asked for.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowc.ir.model import Program
    from flowc.ir.passes.order import KEYING, LOWERING, PASSES, Pass

__all__ = ["KEYING", "LOWERING", "PASSES", "Pass", "lower", "prepare", "run_passes"]
_ORDER = ("KEYING", "LOWERING", "PASSES", "Pass")


def __getattr__(name: str) -> object:
    if name in _ORDER:
        from flowc.ir.passes import order

        return getattr(order, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _order(name: str) -> tuple[Pass, ...]:
    """`LOWERING`, `PASSES` or `KEYING` as this package names it now (a test may have replaced it)."""
    found: tuple[Pass, ...] = getattr(sys.modules[__name__], name)
    return found


def lower(program: Program) -> Program:
    for each in _order("LOWERING"):
        program = each(program)
    return program


def prepare(program: Program, optimize: bool = True) -> Program:
    """A valid program as the backends get it: lowered, optimized unless told not to, keyed."""
    for each in (*_order("LOWERING"), *(_order("PASSES") if optimize else ()), *_order("KEYING")):
        program = each(program)
    return program


def run_passes(program: Program, passes: tuple[Pass, ...] | None = None) -> Program:
    for each in (*_order("LOWERING"), *_order("PASSES"), *_order("KEYING")) if passes is None else passes:
        program = each(program)
    return program
