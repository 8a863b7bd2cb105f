"""The order the passes run in: `LOWERING`, `PASSES`, `KEYING` (re-exported by `flowc.ir.passes`)."""

from __future__ import annotations

from collections.abc import Callable

from flowc.ir.model import Program
from flowc.ir.passes.cache_key import assign_cache_keys
from flowc.ir.passes.conditions import lower_conditions
from flowc.ir.passes.constants import declared_constants
from flowc.ir.passes.dedupe import dedupe_calls
from flowc.ir.passes.fusion import fuse_chains
from flowc.ir.passes.map_fusion import fuse_maps
from flowc.ir.passes.step_keys import assign_step_keys

Pass = Callable[[Program], Program]

# Lowering fixes what the program means (conditions the Python way, literals as their
# declared types) and gives every task
# its cache key; it runs on every valid program, optimized or not, so every backend (and
# `check`) sees the same IR.
LOWERING: tuple[Pass, ...] = (lower_conditions, declared_constants, assign_cache_keys)
# The optimizer: what `-O0` / `--no-optimize` turns off. Merging duplicates first makes
# more chains; map fusion makes one loop body of two, whose chain fusion then fuses.
# Fusion derives a fused task's key from its members' keys, so it runs after lowering.
PASSES: tuple[Pass, ...] = (dedupe_calls, fuse_maps, fuse_chains)
# Keys of steps, from the program as the engines will run it.
KEYING: tuple[Pass, ...] = (assign_step_keys,)

