"""Checks on a read Program that need no source code: quantities, schedules, names.

The reader reports what it sees in source (syntax, wiring, types); this module
checks the values the IR carries against the engines' rules, so every backend can
rely on them: Kubernetes resource quantities, cron schedules, and names every
engine accepts (valid once sanitized, unique after sanitizing).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import ContainerTask, Pipeline, Program, PythonTask, iter_nodes
from flowc.ir.names import collisions, name_problem

# Kubernetes resource.Quantity: a signed decimal number with an optional suffix.
_QUANTITY = re.compile(r"^[+]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|[KMGTPE]i|[mkMGTPE]|)$")
_CRON_PRESETS = frozenset({"@yearly", "@annually", "@monthly", "@weekly", "@daily", "@midnight", "@hourly", "@once"})
_CRON_NAMES = {
    3: ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    4: ("sun", "mon", "tue", "wed", "thu", "fri", "sat"),
}
_CRON_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))


def validate(program: Program) -> list[Diagnostic]:
    """Every problem found in `program`, in no particular order."""
    out: list[Diagnostic] = []
    for task in program.tasks:
        out.extend(_check_resources(task))
    for pipeline in program.pipelines:
        if pipeline.schedule is not None and not is_valid_schedule(pipeline.schedule):
            out.append(Diagnostic.of(codes.BAD_SCHEDULE, pipeline.span, pipeline.schedule))
    out.extend(_check_names(program))
    return out


def is_valid_quantity(text: str) -> bool:
    """Whether `text` is a Kubernetes quantity (`500m`, `2`, `1.5`, `650M`, `2Gi`, `1e3`)."""
    return bool(_QUANTITY.match(text))


def is_valid_schedule(text: str) -> bool:
    """A five-field cron expression or a preset such as `@daily`."""
    text = text.strip()
    if text.startswith("@"):
        return text in _CRON_PRESETS
    fields = text.split()
    return len(fields) == 5 and all(_valid_cron_field(f, i) for i, f in enumerate(fields))


def _valid_cron_field(field: str, index: int) -> bool:
    low, high = _CRON_RANGES[index]
    for part in field.split(","):
        base, _, step = part.partition("/")
        if step and not (step.isdigit() and int(step) > 0):
            return False
        if base == "*":
            continue
        bounds = base.split("-")
        if len(bounds) > 2 or not all(_cron_value(b, index, low, high) for b in bounds):
            return False
    return True


def _cron_value(text: str, index: int, low: int, high: int) -> bool:
    if text.isdigit():
        return low <= int(text) <= high
    return text.lower() in _CRON_NAMES.get(index, ())


def _check_resources(task: PythonTask | ContainerTask) -> Iterator[Diagnostic]:
    res = task.options.resources
    for label, value in (("cpu", res.cpu), ("memory", res.memory)):
        if value is not None and not is_valid_quantity(value):
            yield Diagnostic.of(codes.BAD_QUANTITY, task.span, label, value)
    if res.gpu is not None and res.gpu < 0:
        yield Diagnostic.of(codes.BAD_OPTION_VALUE, task.span, "gpu", "must be a whole count >= 0")


def _check_names(program: Program) -> Iterator[Diagnostic]:
    seen: dict[str, Pipeline] = {}
    for pipeline in program.pipelines:
        if pipeline.name in seen:
            yield Diagnostic.of(codes.DUPLICATE_PIPELINE, pipeline.span, pipeline.name)
        seen.setdefault(pipeline.name, pipeline)
    spans = {t.name: t.span for t in program.tasks} | {p.name: p.span for p in program.pipelines}
    for name, span in spans.items():
        problem = name_problem(name)
        if problem:
            yield Diagnostic.of(codes.BAD_NAME, span, name, hint=f"{problem}; use letters, digits and underscores")
    for first, second, sanitized, engine in collisions(list(spans)):
        yield Diagnostic.of(codes.NAME_COLLISION, spans[second], first, second, sanitized, engine)
    for pipeline in program.pipelines:
        ids = [n.id for n in iter_nodes(pipeline.body)]
        for first, second, sanitized, engine in collisions(ids):
            node = next(n for n in iter_nodes(pipeline.body) if n.id == second)
            yield Diagnostic.of(codes.NAME_COLLISION, node.span, first, second, sanitized, engine)
