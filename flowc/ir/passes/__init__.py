"""IR -> IR passes, one module each, run in the order of `PASSES`.

A pass is a plain function `Program -> Program`; it never reports user errors (the
validator did that) and never looks at source code. `flowc explain` reports what
each pass decided.
"""

from __future__ import annotations

from collections.abc import Callable

from flowc.ir.model import Program
from flowc.ir.passes.cache_key import assign_cache_keys

Pass = Callable[[Program], Program]

PASSES: tuple[Pass, ...] = (assign_cache_keys,)


def run_passes(program: Program, passes: tuple[Pass, ...] | None = None) -> Program:
    for each in PASSES if passes is None else passes:
        program = each(program)
    return program
