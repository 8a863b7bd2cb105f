"""Past runs for people and programs: `flowc runs` (a table) and `flowc show RUN_ID` (one run in full).

Text is aligned plain columns (no colour: it is read in terminals, logs and CI alike);
`--format json` gives the same facts, logs whole, artifact paths absolute.
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping, Sequence

from flowc.config import shown
from flowc.run.records import RunRecord, StepRecord

_LOG_TAIL = 20  # lines of a failed step's log that `flowc show` prints


def runs_table(runs: Sequence[RunRecord]) -> str:
    """One line per run, newest first: id, pipeline, state, start, duration, how its steps ended."""
    if not runs:
        return "no runs yet: `flowc run PIPELINE.py` records one"
    rows = [["RUN", "PIPELINE", "STATE", "STARTED", "DURATION", "STEPS"]]
    rows += [[r.id, r.pipeline, r.state, _when(r.started), _seconds(r.duration), _counts(r)] for r in runs]
    return _table(rows)


def runs_json(runs: Sequence[RunRecord]) -> str:
    return json.dumps([_run_data(r) for r in runs], indent=2, sort_keys=True)


def show_text(run: RunRecord, steps: Sequence[StepRecord], origins: Mapping[str, str]) -> str:
    """A run: what ran, its steps (state, duration, cache hits and the run each came from), outputs, artifacts, failures.

    `origins`: step path -> the run that computed a cached step's result (`RunStore.origins`).
    """
    lines = [
        f"run       {run.id}",
        f"pipeline  {run.pipeline} ({run.source})",
        f"params    {_compact(run.params)}",
        f"state     {run.state}",
        f"started   {_when(run.started)}, took {_seconds(run.duration)}",
        f"steps     {_counts(run)}",
        "",
    ]
    rows = [["STEP", "TASK", "STATE", "DURATION", "ATTEMPTS", "NOTE"]]
    for step in steps:
        rows.append([step.path, step.name, step.state, _seconds(step.duration), str(step.attempts), _note(run, step, origins)])
    lines.append(_table(rows))
    for step in steps:
        lines.extend(_details(step))
    return "\n".join(lines).rstrip() + "\n"


def show_json(run: RunRecord, steps: Sequence[StepRecord], origins: Mapping[str, str]) -> str:
    data = _run_data(run)
    data["steps"] = [
        {
            "path": s.path, "task": s.name, "state": s.state, "step_key": s.step_key, "inputs_digest": s.inputs_digest,
            "started": s.started, "ended": s.ended, "duration": s.duration, "attempts": s.attempts,
            "outputs": s.outputs, "artifacts": {k: str(v) for k, v in s.artifacts.items()},
            "computed_by": origins.get(s.path, run.id) if s.state in ("succeeded", "cached") else None,
            "error": s.error, "log": s.log,
        }
        for s in steps
    ]
    return json.dumps(data, indent=2, sort_keys=True, default=repr)


def _note(run: RunRecord, step: StepRecord, origins: Mapping[str, str]) -> str:
    if step.state == "cached":
        source = origins.get(step.path)
        return "cache hit" + (f" from {source}" if source and source != run.id else "")
    if step.state == "failed" and step.error:
        first = step.error.strip().splitlines()[-1] if step.error.strip() else ""
        return first[:80]
    return ""


def _details(step: StepRecord) -> list[str]:
    """A step's outputs and artifacts, and for a failed one its error and the end of its log."""
    out: list[str] = []
    values = {k: v for k, v in step.outputs.items() if k not in step.artifacts}
    if values:
        out.append(f"  {step.path}: " + ", ".join(f"{k} = {_compact(v)}" for k, v in sorted(values.items())))
    for name, path in sorted(step.artifacts.items()):
        out.append(f"  {step.path}: {name} -> {shown(path)}")
    if step.state == "failed":
        out.append(f"  {step.path} failed: {step.error or 'no error recorded'}")
        tail = step.log.rstrip("\n").splitlines()[-_LOG_TAIL:]
        out.extend(f"    | {line}" for line in tail)
    return ([""] + out) if out else []


def _run_data(run: RunRecord) -> dict[str, object]:
    counts = run.counts
    return {
        "id": run.id, "pipeline": run.pipeline, "source": run.source, "params": run.params, "state": run.state,
        "started": run.started, "ended": run.ended, "duration": run.duration,
        "counts": {"succeeded": counts.succeeded, "failed": counts.failed, "cached": counts.cached,
                  "skipped": counts.skipped, "upstream_failed": counts.upstream_failed},
    }


def _counts(run: RunRecord) -> str:
    c = run.counts
    parts = [f"{c.succeeded} ok", f"{c.failed} failed", f"{c.cached} cached"]
    parts += [f"{n} {label}" for n, label in ((c.skipped, "skipped"), (c.upstream_failed, "upstream failed")) if n]
    return ", ".join(parts)


def _when(moment: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.localtime(moment))


def _seconds(value: float | None) -> str:
    if value is None:
        return "-"
    return f"{value:.2f}s" if value < 60 else f"{int(value // 60)}m{value % 60:04.1f}s"


def _compact(value: object) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False, default=repr)
    return text if len(text) <= 120 else text[:117] + "..."


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows)
