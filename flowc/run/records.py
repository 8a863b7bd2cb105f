"""What the local runner's store keeps: runs, step records, cached results (plain typed dataclasses).

A step's `path` names it within its run: its node id, inside the ids of the loops (with the
item's index) and sub-pipeline calls around it, as the runner spells it. Values in
`outputs` and `params` are JSON values; `artifacts` maps an output's name (as the runner
names nested ones) to the file or folder that holds it.
"""

from __future__ import annotations

import os
import re
import secrets
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

StepState = Literal["succeeded", "failed", "skipped", "cached", "upstream_failed"]
RunState = Literal["running", "succeeded", "failed", "interrupted"]
STEP_STATES: tuple[StepState, ...] = get_args(StepState)
RUN_STATES: tuple[RunState, ...] = get_args(RunState)
GOOD_STATES: tuple[StepState, ...] = ("succeeded", "cached")  # a step in one of these has its outputs

_ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32, lower case: no i, l, o, u
RUN_ID = re.compile(r"[0-9]{8}-[0-9]{6}-[0-9a-z]{4}")


@dataclass(frozen=True, kw_only=True)
class StepRecord:
    """One step of one run, as the runner reports it when the step ends."""

    path: str
    name: str
    state: StepState
    step_key: str | None = None
    inputs_digest: str | None = None
    outputs: dict[str, object] = field(default_factory=lambda: {})
    artifacts: dict[str, Path] = field(default_factory=lambda: {})
    started: float = 0.0
    ended: float = 0.0
    attempts: int = 1
    error: str | None = None
    log: str = ""

    @property
    def duration(self) -> float:
        return max(0.0, self.ended - self.started)


@dataclass(frozen=True, kw_only=True)
class StepResult:
    """A succeeded step's result found in the store: what a cache hit hands to the runner."""

    run_id: str
    path: str
    outputs: dict[str, object]
    artifacts: dict[str, Path]
    ended: float


@dataclass(frozen=True, kw_only=True)
class StepCounts:
    """How a run's steps ended."""

    succeeded: int = 0
    failed: int = 0
    cached: int = 0
    skipped: int = 0
    upstream_failed: int = 0

    @property
    def total(self) -> int:
        return self.succeeded + self.failed + self.cached + self.skipped + self.upstream_failed


@dataclass(frozen=True, kw_only=True)
class RunRecord:
    """One `flowc run`: what ran, with which parameters, how it ended."""

    id: str
    pipeline: str
    source: str
    params: dict[str, object]
    state: RunState
    started: float
    ended: float | None
    counts: StepCounts = StepCounts()

    @property
    def duration(self) -> float | None:
        return None if self.ended is None else max(0.0, self.ended - self.started)


def new_run_id(now: float | None = None) -> str:
    """`20261125-230512-k3f9`: UTC time to the second, then 4 base32 letters (2 for the millisecond, 2 random).

    Ids sort by start time as strings (to the millisecond), read aloud easily, and are
    typed by a unique prefix (`flowc show 20261125-2305`). Two runs started in the same
    millisecond differ in the random letters (the store draws again on the rare clash).
    """
    moment = time.time() if now is None else now
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime(moment))
    fraction = min(1023, int((moment % 1) * 1024))
    tick = _ID_ALPHABET[fraction // 32] + _ID_ALPHABET[fraction % 32]
    return f"{stamp}-{tick}{secrets.choice(_ID_ALPHABET)}{secrets.choice(_ID_ALPHABET)}"


def pid_alive(pid: int) -> bool:
    """Whether a process `pid` exists on this machine (a run whose process is gone was interrupted)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return False
    return True
