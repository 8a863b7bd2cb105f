"""`flowc run` as a conformance runner (the suite's `flowc-run`: `tests/conformance/runners/flowc_run.py`):
a prepared Program in, outputs and runs by task out."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

from flowc.ir.model import Program
from flowc.run import RunOutcome, run_program
from flowc.run.store import RunStore
from tests.conformance.runners import RunResult, by_member


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie, killed but not yet reaped by whoever inherited it, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def run_in(program: Program, pipeline: str, args: dict[str, Any], store: Path, **options: Any) -> tuple[RunOutcome, str]:
    """Run `pipeline` in a store under `store`; the outcome, and what the runner printed."""
    out = io.StringIO()
    with RunStore.open(store) as opened:
        outcome = run_program(program, pipeline, dict(args), opened, out=out, **options)
    return outcome, out.getvalue()


def run(program: Program, pipeline: str, args: dict[str, Any], workdir: Path) -> RunResult:
    """The conformance contract (`tests/conformance/runners/`): a fresh store, container tasks as local processes."""
    outcome, printed = run_in(program, pipeline, args, workdir / "store", containers="local", jobs=4)
    ran = by_member(program, Counter(s.name for s in outcome.steps if s.state == "succeeded"))
    if outcome.state != "succeeded":  # what the user sees: the display, then each failed step's error and log
        shown = printed + "".join(f"\n{s.path}: {s.error}\n{s.log}" for s in outcome.steps if s.state == "failed")
        return RunResult(outputs={}, ran=ran, error=shown)
    return RunResult(outputs=outcome.outputs, ran=ran)
