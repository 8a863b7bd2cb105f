"""IR -> IR passes, one module each, run in the order of `PASSES`.

A pass is a plain function `Program -> Program`; it never reports user errors (the
validator did that) and never looks at source code. `flowc explain` reports what
each pass decided.
"""

from __future__ import annotations

from collections.abc import Callable

from flowc.ir.model import Program
from flowc.ir.passes.cache_key import assign_cache_keys
from flowc.ir.passes.conditions import lower_conditions
from flowc.ir.passes.step_keys import assign_step_keys

Pass = Callable[[Program], Program]

# Lowering fixes what the program means (conditions the Python way); it runs on every
# valid program, optimized or not, so every backend (and `check`) sees the same IR.
LOWERING: tuple[Pass, ...] = (lower_conditions,)
PASSES: tuple[Pass, ...] = (assign_cache_keys, assign_step_keys)


def lower(program: Program) -> Program:
    for each in LOWERING:
        program = each(program)
    return program


def run_passes(program: Program, passes: tuple[Pass, ...] | None = None) -> Program:
    for each in (*LOWERING, *PASSES) if passes is None else passes:
        program = each(program)
    return program
