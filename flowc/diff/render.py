"""`flowc diff` output: text for a terminal, Markdown for a pull-request comment, GitHub annotations.

Every format says what a step is: a task call as written, before the optimizer
fuses calls (a fused engine step re-runs when any of its calls does; `flowc explain`
shows them). GitHub annotations go on the changed lines: one per re-running step
whose own task changed (its code, a helper, its image...), naming the steps
downstream that re-run because of it, and one per added step.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from itertools import groupby

from flowc.diff import FORMATS
from flowc.diff.model import PART_WORDS, WORKING_TREE, ChangedStep, DiffResult, Location, PipelineDiff, Reason, Step
from flowc.ir.diagnostics import github_data, github_property

__all__ = ["FORMATS", "render"]
STEPS_NOTE = "steps are the task calls as written; `flowc explain` shows the engine steps the optimizer fuses them into"
_OWN_PLACE = frozenset({"upstream", "argument", "order", "fused"})  # located at the call, shown without a place


def render(result: DiffResult, fmt: str) -> str:
    """`result` in format `fmt` (one of FORMATS)."""
    if fmt == "markdown":
        return render_markdown(result)
    if fmt == "github":
        return render_github(result)
    return render_text(result)


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def summary(p: PipelineDiff) -> str:
    """`2 steps re-run, 1 added, 4 reuse cached results`; for a pipeline on one side only, what became of it."""
    if p.status == "added":
        return f"new pipeline, {_plural(len(p.added), 'step')} to run"
    if p.status == "removed":
        return f"removed, with {_plural(len(p.removed), 'step')}"
    parts = [f"{_plural(len(p.rerun), 'step')} re-run" if p.rerun else "nothing re-runs"]
    parts += [f"{len(p.fused)} more with them in fused engine steps"] if p.fused else []
    parts += [f"{len(p.added)} added"] if p.added else []
    parts += [f"{len(p.removed)} removed"] if p.removed else []
    return ", ".join([*parts, f"{p.reused} reuse cached results"])


def why(reasons: Iterable[Reason], quote: str = "", places: bool = True) -> str:
    """The reasons of one step, each with its place (`its code (churn.py:71)`) unless that is the call itself;
    the named reasons of one part together (`upstream steps a, b`)."""
    out: list[str] = []
    for (part, named), group in groupby(reasons, key=lambda r: (r.part, r.name is not None)):
        items = list(group)
        if named and len(items) > 1:
            out.append(f"{PART_WORDS[part]}s " + ", ".join(f"{quote}{r.name}{quote}{_where(r, quote, places)}" for r in items))
        else:
            out += [r.text(quote) + _where(r, quote, places) for r in items]
    return ", ".join(out)


def _where(reason: Reason, quote: str, places: bool) -> str:
    shown = places and reason.where is not None and reason.part not in _OWN_PLACE
    return f" ({quote}{_place(reason.where)}{quote})" if shown and reason.where else ""


def _place(where: Location) -> str:
    return f"{where.path}:{where.line}"


def render_text(result: DiffResult) -> str:
    lines = [f"flowc diff {result.old} -> {result.new} ({STEPS_NOTE})"]
    if not result.pipelines:
        lines.append("no pipelines")
    for p in result.pipelines:
        lines.append(f"pipeline {p.name}: {summary(p)}")
        rows = [("re-run", c.step, why(c.reasons)) for c in p.rerun] + [("fused", c.step, why(c.reasons)) for c in p.fused]
        rows += [("added", s, _place(s.where) if s.where else "") for s in (p.added if p.status == "changed" else ())]
        rows += [("removed", s, "") for s in (p.removed if p.status == "changed" else ())]
        lines += _aligned([(action, _step_name(step), text) for action, step, text in rows])
    return "\n".join(lines)


def _step_name(step: Step, quote: str = "") -> str:
    name = f"{quote}{step.id}{quote}"
    return name if step.calls == step.id else f"{name} ({quote}{step.calls}{quote})"


def _aligned(rows: Sequence[tuple[str, str, str]]) -> list[str]:
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(2)]
    return [f"  {a.ljust(widths[0])}  {b.ljust(widths[1])}  {c}".rstrip() for a, b, c in rows]


def render_markdown(result: DiffResult) -> str:
    rerun = sum(len(p.rerun) + len(p.fused) for p in result.pipelines)
    reused = sum(p.reused for p in result.pipelines)
    lines = [
        f"### flowc diff: {_md_side(result.old)} → {_md_side(result.new)}",
        "",
        f"**{_plural(rerun, 'step')} re-run**, {reused} reuse cached results, "
        f"in {_plural(len(result.pipelines), 'pipeline')} ({STEPS_NOTE}).",
    ]
    for p in result.pipelines:
        lines += ["", f"#### {md_code(p.name)}: {summary(p)}"]
        rows = [("re-run", c.step, why(c.reasons, "`")) for c in p.rerun]
        rows += [("fused", c.step, why(c.reasons, "`")) for c in p.fused]
        rows += [("added", s, "") for s in p.added] + [("removed", s, "") for s in p.removed]
        if rows:
            lines += ["", "| | step | why |", "| --- | --- | --- |"]
            lines += [f"| {a} | {_cell(_step_name(s, '`'))} | {_cell(text)} |" for a, s, text in rows]
    return "\n".join(lines) + "\n"


def _md_side(label: str) -> str:
    return label if label == WORKING_TREE else md_code(label)


def md_code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _cell(text: str) -> str:
    """Text for a table cell: a `|` would end the cell, even inside a code span; a newline the row."""
    return text.replace("|", "\\|").replace("\n", " ")


def render_github(result: DiffResult) -> str:
    """Workflow commands: a notice on each changed line, naming the steps its change re-runs."""
    out: list[str] = []
    for p in result.pipelines:
        downstream = _downstream(p.rerun)
        for changed in p.rerun:
            own = [r for r in changed.reasons if r.part != "upstream"]
            for where, reasons in _by_place(own, changed.step.where).items():
                then = downstream.get(changed.step.id, [])
                tail = f"; downstream, {', '.join(then)} re-run{'s' if len(then) == 1 else ''} too" if then else ""
                out.append(_notice(where, f"{p.name}.{changed.step.id} re-runs", f"{why(reasons, places=False)} changed{tail}"))
        for step in p.added:
            out.append(_notice(step.where or p.where, f"{p.name}.{step.id} is new", "a new step: it runs with no cached result"))
    total = sum(len(p.rerun) + len(p.fused) for p in result.pipelines)
    out.append(f"::notice title=flowc diff::{github_data(_plural(total, 'step') + f' re-run ({STEPS_NOTE})')}")
    return "\n".join(out)


def _by_place(reasons: Sequence[Reason], fallback: Location | None) -> dict[Location | None, list[Reason]]:
    out: dict[Location | None, list[Reason]] = {}
    for r in reasons:
        out.setdefault(r.where or fallback, []).append(r)
    return out


def _downstream(rerun: Sequence[ChangedStep]) -> dict[str, list[str]]:
    """Step id -> the re-running steps that re-run (transitively) because it does, in pipeline order."""
    readers: dict[str, list[str]] = {}
    for changed in rerun:
        for r in changed.reasons:
            if r.part == "upstream" and r.name is not None:
                readers.setdefault(r.name, []).append(changed.step.id)
    order = {c.step.id: i for i, c in enumerate(rerun)}
    out: dict[str, list[str]] = {}
    for changed in rerun:
        seen: set[str] = set()
        pending = list(readers.get(changed.step.id, []))
        while pending:
            step = pending.pop()
            if step not in seen:
                seen.add(step)
                pending += readers.get(step, [])
        out[changed.step.id] = sorted(seen, key=lambda s: order.get(s, len(order)))
    return out


def _notice(where: Location | None, title: str, message: str) -> str:
    props = f"file={github_property(where.path)},line={where.line}," if where else ""
    return f"::notice {props}title={github_property(title)}::{github_data(message)}"
