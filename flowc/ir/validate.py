"""Checks on a read Program that need no source code: values, options, schedules, names.

The reader reports what it sees in source (syntax, wiring, types) and locates
option problems at the literal; this module checks the values the IR carries
against the engines' rules, so every front end gets the same checks and every
backend can rely on them: Kubernetes resource quantities, cron schedules, option
strings that reach pip, a process environment or Kubernetes, numbers JSON can
hold, and names every engine accepts (valid once sanitized, unique after
sanitizing).

`validate` holds what no engine accepts; `validate_for_engine` what one engine
cannot hold (ints beyond its integer type, retries and timeouts beyond its
fields, schedules its scheduler rejects), keyed by engine name until backends
declare these limits themselves.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from flowc.ir import codes
from flowc.ir.base import JsonValue
from flowc.ir.bindings import node_bindings
from flowc.ir.cleanup import validate_cleanup
from flowc.ir.cron import is_valid_schedule, never_fires
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import ConstBinding, ContainerTask, Parameter, Pipeline, Program, PythonTask, iter_nodes
from flowc.ir.names import name_diagnostics
from flowc.ir.span import Span
from flowc.ir.values import LIMITS, EngineLimits, env_name_problem, non_finite, numbers, requirement_problem, secret_name_problem

__all__ = ["ENGINE_CHECKS", "is_valid_quantity", "is_valid_schedule", "validate", "validate_for_engine"]

# Kubernetes resource.Quantity: a signed decimal number (ASCII digits only) with an optional suffix.
_QUANTITY = re.compile(r"[+]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+|[KMGTPE]i|[mkMGTPE]|)")

AnyTask = PythonTask | ContainerTask


def validate(program: Program) -> list[Diagnostic]:
    """Every problem found in `program` that holds on every engine, in no particular order."""
    out: list[Diagnostic] = []
    for task in program.tasks:
        out.extend(_check_resources(task))
        out.extend(option_diagnostics(task))
        out.extend(_check_defaults(task.params, task.span))
    for pipeline in program.pipelines:
        out.extend(_check_schedule(pipeline))
        out.extend(_check_defaults(pipeline.params, pipeline.span))
        out.extend(_check_constants(pipeline))
    out.extend(name_diagnostics(program))
    out.extend(validate_cleanup(program))
    return out


def validate_for_engine(program: Program, engine: str) -> list[Diagnostic]:
    """What `engine` cannot hold in `program` (nothing for an engine flowc has no limits for)."""
    check = ENGINE_CHECKS.get(engine)
    return check(program) if check is not None else []


def is_valid_quantity(text: str) -> bool:
    """Whether `text` is a Kubernetes quantity (`500m`, `2`, `1.5`, `650M`, `2Gi`, `1e3`)."""
    return _QUANTITY.fullmatch(text) is not None


# ------------------------------------------------------------------ every engine


def _check_resources(task: AnyTask) -> Iterator[Diagnostic]:
    res = task.options.resources
    for label, value in (("cpu", res.cpu), ("memory", res.memory)):
        if value is not None and not is_valid_quantity(value):
            yield Diagnostic.of(codes.BAD_QUANTITY, task.span, label, value)
    if res.gpu is not None and res.gpu < 0:
        yield Diagnostic.of(codes.BAD_OPTION_VALUE, task.span, "gpu", "must be a whole count >= 0")


def option_diagnostics(task: AnyTask) -> Iterator[Diagnostic]:
    """Packages, env names and secret names that would reach pip, a shell or Kubernetes unchecked."""
    at = task.span
    opts = task.options
    for package in opts.packages:
        if (problem := requirement_problem(package)) is not None:
            yield Diagnostic.of(codes.BAD_REQUIREMENT, at, package, problem)
    for name, _ in opts.env:
        if (problem := env_name_problem(name)) is not None:
            yield Diagnostic.of(codes.BAD_ENV_NAME, at, name, problem)
    for secret in opts.secrets:
        if (problem := secret_name_problem(secret)) is not None:
            yield Diagnostic.of(codes.BAD_SECRET_NAME, at, secret, problem)


def _check_schedule(pipeline: Pipeline) -> Iterator[Diagnostic]:
    if pipeline.schedule is None:
        return
    if not is_valid_schedule(pipeline.schedule):
        yield Diagnostic.of(codes.BAD_SCHEDULE, pipeline.span, pipeline.schedule)
    elif never_fires(pipeline.schedule):
        yield Diagnostic.of(codes.SCHEDULE_NEVER_FIRES, pipeline.span, pipeline.schedule)


def _check_defaults(params: tuple[Parameter, ...], owner: Span | None) -> Iterator[Diagnostic]:
    for p in params:
        if p.has_default and (bad := non_finite(p.default)) is not None:
            yield Diagnostic.of(codes.NON_FINITE, p.span or owner, f"default of {p.name!r}", bad)


def _constants(pipeline: Pipeline) -> Iterator[ConstBinding]:
    for node in iter_nodes(pipeline.body):
        yield from (b for b in node_bindings(node) if isinstance(b, ConstBinding))
    yield from (r.binding for r in pipeline.results if isinstance(r.binding, ConstBinding))


def _check_constants(pipeline: Pipeline) -> Iterator[Diagnostic]:
    for const in _constants(pipeline):
        if (bad := non_finite(const.value)) is not None:
            yield Diagnostic.of(codes.NON_FINITE, const.span or pipeline.span, "a literal", bad)


# ------------------------------------------------------------------ per engine


def _engine_check(engine: str) -> Callable[[Program], list[Diagnostic]]:
    limits = LIMITS[engine]

    def check(program: Program) -> list[Diagnostic]:
        out: list[Diagnostic] = []
        for task in program.tasks:
            out.extend(_task_limits(task, engine, limits))
            out.extend(_int_limits(task.params, task.span, engine, limits))
        for pipeline in program.pipelines:
            out.extend(_int_limits(pipeline.params, pipeline.span, engine, limits))
            out.extend(_const_limits(pipeline, engine, limits))
            out.extend(_schedule_limits(pipeline, engine, limits))
        return out

    return check


def _too_big(value: JsonValue, limits: EngineLimits) -> int | None:
    if limits.max_int is None:
        return None
    bound = limits.max_int
    return next((n for n in numbers(value) if isinstance(n, int) and not -bound <= n <= bound), None)


def _int_limits(params: tuple[Parameter, ...], span: Span | None, engine: str, limits: EngineLimits) -> Iterator[Diagnostic]:
    for p in params:
        if p.has_default and (big := _too_big(p.default, limits)) is not None:
            yield Diagnostic.of(codes.UNREPRESENTABLE, p.span or span, f"default of {p.name!r}", big, engine, limits.int_reason)


def _const_limits(pipeline: Pipeline, engine: str, limits: EngineLimits) -> Iterator[Diagnostic]:
    for const in _constants(pipeline):
        if (big := _too_big(const.value, limits)) is not None:
            yield Diagnostic.of(codes.UNREPRESENTABLE, const.span or pipeline.span, "integer literal", big, engine, limits.int_reason)


def _task_limits(task: AnyTask, engine: str, limits: EngineLimits) -> Iterator[Diagnostic]:
    opts = task.options
    if opts.retries > limits.max_retries:
        yield Diagnostic.of(codes.UNREPRESENTABLE, task.span, "retries", opts.retries, engine, limits.retries_reason)
    if opts.timeout_seconds is not None and opts.timeout_seconds > limits.max_timeout:
        seconds = f"{opts.timeout_seconds}s"
        yield Diagnostic.of(codes.UNREPRESENTABLE, task.span, "timeout", seconds, engine, limits.timeout_reason)


def _schedule_limits(pipeline: Pipeline, engine: str, limits: EngineLimits) -> Iterator[Diagnostic]:
    schedule = (pipeline.schedule or "").strip()
    if limits.presets is None or not schedule.startswith("@") or schedule in limits.presets:
        return
    accepted = ", ".join(sorted(limits.presets))
    yield Diagnostic.of(
        codes.UNREPRESENTABLE, pipeline.span, "schedule", schedule, engine, "its scheduler has no such preset",
        hint=f"use a cron expression or one of {accepted}",
    )


ENGINE_CHECKS: dict[str, Callable[[Program], list[Diagnostic]]] = {engine: _engine_check(engine) for engine in LIMITS}
