"""Running a backend by its contract: options parsed, `check` first, `emit` only when clean.

`check_target` is what `flowc check` runs and `emit_target` what `flowc compile`
runs; both parse options and run the backend's `check` the same way, so the two
commands report the same diagnostics.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from flowc.backends import registry
from flowc.backends.base import Backend, EmitResult
from flowc.backends.options import OptionValue, parse_options
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from flowc.ir.model import Program
from flowc.ir.validate import validate_for_engine


@dataclass
class Prepared:
    """A loaded backend and its parsed options, or the diagnostics that prevent it."""

    backend: Backend | None
    options: dict[str, OptionValue] = field(default_factory=lambda: {})
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])


def prepare(target: str, raw_options: Mapping[str, object]) -> Prepared:
    """Load the backend called `target` and parse its options."""
    try:
        backend = registry.load(target)
    except registry.BackendNotFound:
        hint = "available targets: " + ", ".join(registry.available())
        return Prepared(None, diagnostics=[Diagnostic.of(codes.UNKNOWN_TARGET, None, target, hint=hint)])
    except registry.BackendNotAvailable as exc:
        return Prepared(None, diagnostics=[Diagnostic.of(codes.BACKEND_UNAVAILABLE, None, target, str(exc))])
    values, diagnostics = parse_options(backend.name, backend.options, raw_options)
    return Prepared(backend, values, diagnostics)


def check_target(program: Program, target: str, raw_options: Mapping[str, object]) -> list[Diagnostic]:
    """Everything compiling `program` for `target` would report, without emitting."""
    prepared = prepare(target, raw_options)
    if prepared.backend is None or has_errors(prepared.diagnostics):
        return sorted_diagnostics(prepared.diagnostics)
    return sorted_diagnostics(_unique([*prepared.diagnostics, *_checks(prepared.backend, program, prepared.options)]))


def emit_target(program: Program, target: str, raw_options: Mapping[str, object]) -> EmitResult:
    """The files of `program` for `target`; nothing when options or `check` report an error."""
    prepared = prepare(target, raw_options)
    if prepared.backend is None or has_errors(prepared.diagnostics):
        return EmitResult(diagnostics=sorted_diagnostics(prepared.diagnostics))
    checked = [*prepared.diagnostics, *_checks(prepared.backend, program, prepared.options)]
    if has_errors(checked):
        return EmitResult(diagnostics=sorted_diagnostics(_unique(checked)))
    result = prepared.backend.emit(program, prepared.options)
    result.diagnostics = sorted_diagnostics(_unique([*checked, *result.diagnostics]))
    return result


def _checks(backend: Backend, program: Program, options: Mapping[str, OptionValue]) -> list[Diagnostic]:
    """The values the engine cannot hold (`validate_for_engine`, by engine name), then the backend's own check."""
    limits = validate_for_engine(program, backend.name)
    if has_errors(limits):  # a backend need not cope with values its engine cannot hold
        return limits
    return [*limits, *backend.check(program, options)]


def _unique(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """Each diagnostic once: a backend's `emit` may repeat warnings its `check` gave."""
    seen: list[Diagnostic] = []
    for d in diagnostics:
        if d not in seen:
            seen.append(d)
    return seen
