"""`flowc explain` output: the optimizer's plan (`flowc.ir.plan`) as text for people, JSON for tools.

The text is a table per pipeline, one row per engine step, followed by why neighbouring
steps were not fused, which duplicate calls were merged and which loops became one
fan-out::

    pipeline feature_etl: 1 engine step for 4 source steps
      STEP                             KEY           LOOP  MEMBERS
      parse+clean+featurize+summarize  0b9f3c2a71de  -     parse, clean, featurize, summarize
        cached: every member is

The JSON is one object, keys sorted, with the diagnostics of the run beside the plans.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict

from flowc.ir.diagnostics import Diagnostic
from flowc.ir.plan import PipelinePlan, PlannedStep

SHORT_KEY = 12
HEADER = ("STEP", "KEY", "LOOP", "MEMBERS")
INDENT = "  "


def short_key(key: str | None) -> str:
    """The first 12 hex digits of a cache key, enough to tell steps apart; `-` for none."""
    return key[:SHORT_KEY] if key else "-"


def source_steps(plan: PipelinePlan) -> int:
    """How many task calls the source had: every member of every step, and every merged duplicate."""
    return sum(len(step.members) for step in plan.steps) + len(plan.merged)


def render_text(plans: Sequence[PipelinePlan], optimized: bool = True) -> str:
    """Every plan as a readable listing, blank-line separated."""
    blocks = ["\n".join(_pipeline_lines(plan)) for plan in plans]
    if not optimized:
        blocks.insert(0, "optimizer off: every source step is its own engine step")
    return "\n\n".join(blocks) if blocks else "no pipelines"


def _pipeline_lines(plan: PipelinePlan) -> list[str]:
    count, sources = len(plan.steps), source_steps(plan)
    lines = [f"pipeline {plan.pipeline}: {_plural(count, 'engine step')} for {_plural(sources, 'source step')}"]
    lines += _table(plan.steps) if plan.steps else [f"{INDENT}(no steps)"]
    if plan.not_fused:
        lines.append(f"{INDENT}not fused:")
        lines += [f"{INDENT * 2}{n.before} -> {n.after}: {n.reason}" for n in plan.not_fused]
    if plan.merged:
        lines.append(f"{INDENT}merged duplicate calls:")
        lines += [f"{INDENT * 2}{m.removed}: reuses the result of {m.kept}" for m in plan.merged]
    if plan.map_fused:
        lines.append(f"{INDENT}map-fused loops (one fan-out):")
        lines += [f"{INDENT * 2}{inner} into {outer}" for inner, outer in plan.map_fused]
    return lines


def _table(steps: Sequence[PlannedStep]) -> list[str]:
    """Aligned rows, each step's notes indented under it."""
    rows = [HEADER, *((s.label, short_key(s.cache_key), s.loop or "-", _members(s)) for s in steps)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(HEADER) - 1)]
    lines: list[str] = []
    for index, row in enumerate(rows):
        cells = [cell.ljust(width) for cell, width in zip(row, widths)]
        lines.append((INDENT + "  ".join([*cells, row[-1]])).rstrip())
        if index:
            lines += [f"{INDENT * 2}{note}" for note in steps[index - 1].notes]
    return lines


def _members(step: PlannedStep) -> str:
    """Member node ids in the order they run, each with its task where the names differ."""
    tasks = step.tasks if len(step.tasks) == len(step.members) else ("",) * len(step.members)
    return ", ".join(node if task in ("", node) else f"{node} ({task})" for node, task in zip(step.members, tasks))


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def plan_json(plan: PipelinePlan) -> dict[str, object]:
    """One plan as plain JSON data: steps with their short key, map fusions as {inner, outer}."""
    data = asdict(plan)
    data["steps"] = [{**asdict(step), "short_key": short_key(step.cache_key)} for step in plan.steps]
    data["map_fused"] = [{"inner": inner, "outer": outer} for inner, outer in plan.map_fused]
    data["source_steps"] = source_steps(plan)
    return data


def render_json(plans: Sequence[PipelinePlan], diagnostics: Sequence[Diagnostic] = (), optimized: bool = True) -> str:
    """`{"diagnostics": [...], "optimized": bool, "pipelines": [...]}`, keys sorted, for tools."""
    document = {
        "diagnostics": [d.model_dump(mode="json") for d in diagnostics],
        "optimized": optimized,
        "pipelines": [plan_json(plan) for plan in plans],
    }
    return json.dumps(document, indent=2, sort_keys=True)
