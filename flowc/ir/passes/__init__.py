"""IR -> IR passes, one module each, run in the order of `LOWERING`, `PASSES`, `KEYING` (`order.py`).

A pass is a plain function `Program -> Program`; it never reports user errors (the
validator did that) and never looks at source code. `flowc explain` reports what
each pass decided.

Importing one pass module (`flowc run` needs only the step keys and the declared
constants) does not import every pass: the names below load `order.py` when first asked for.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from flowc.ir.passes.order import KEYING, LOWERING, PASSES, Pass, lower, prepare, run_passes

__all__ = ["KEYING", "LOWERING", "PASSES", "Pass", "lower", "prepare", "run_passes"]


def __getattr__(name: str) -> object:
    if name in __all__:
        from flowc.ir.passes import order

        return getattr(order, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
