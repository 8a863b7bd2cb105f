"""What the optimizer decided, for `flowc explain` and the DAG pictures.

Built by `flowc.ir.passes.explain.explain_program` from a lowered (not yet optimized)
program: the engine steps each pipeline becomes, which source steps each one runs,
why neighbours were not fused, and which duplicate calls were merged.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class PlannedStep:
    """One engine step: `id` in the optimized IR, `members` the source node ids it runs, in order."""

    id: str
    label: str
    members: tuple[str, ...]
    tasks: tuple[str, ...]
    cache_key: str | None = None
    loop: str | None = None  # the id of the fan-out it runs in, if any
    notes: tuple[str, ...] = ()  # e.g. "timeout 90 s: the sum of its members'"


@dataclass(frozen=True)
class NotFused:
    """Two neighbouring source steps (`before` feeds `after`) left as separate engine steps, and why."""

    before: str
    after: str
    reason: str


@dataclass(frozen=True)
class Merged:
    """A duplicate call of a pure task (`removed`) that reuses the result of `kept`."""

    removed: str
    kept: str


@dataclass(frozen=True)
class PipelinePlan:
    pipeline: str
    steps: tuple[PlannedStep, ...] = ()
    not_fused: tuple[NotFused, ...] = ()
    merged: tuple[Merged, ...] = ()
    map_fused: tuple[tuple[str, str], ...] = field(default=())  # (inner loop, outer loop) made one fan-out
