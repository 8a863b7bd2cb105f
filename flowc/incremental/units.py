"""The incremental check's heavy half: check a project unit by unit, and combine the units
into exactly what one check of every file reports (`flowc.api.check`).

A unit is some of the given files read together (`read_paths(..., only=...)`) with the
project modules they import. Units never share a module file nor a name (a task's or
pipeline's name or module, as written, as the IR names it, or as any engine sanitizes
it): where two would, they are read again as one. Apart from that, what the reader,
the validator, the passes and a backend's checks say about one unit does not depend on
another, except through the gates of `api.check`, which `combine` applies to the
whole: validation runs only when no file has a reading error, backends only when
nothing has an error, and a backend's own checks only when no unit breaks that
engine's limits (`backends.driver`).
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flowc.backends.driver import Prepared
from flowc.dsl.reader.files import InputFile
from flowc.ir.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from flowc.ir.model import Program

if TYPE_CHECKING:
    from flowc.api import Loaded
    from flowc.incremental.state import Snapshot

Json = dict[str, Any]


@dataclass(frozen=True)
class Scope:
    """What every unit of one check shares: the paths as given, their files, the root, the targets."""

    paths: tuple[str, ...]
    inputs: Sequence[InputFile]
    root: str | Path | None
    targets: Sequence[tuple[str, Prepared]]  # each requested target, its backend loaded and options parsed


@dataclass
class Checked:
    """A check's outcome as the CLI reports it."""

    diagnostics: list[Diagnostic]
    sources: dict[str, str]
    files: int
    pipelines: int
    tasks: int

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)

    @classmethod
    def of(cls, loaded: Loaded) -> Checked:
        program = loaded.program
        return cls(loaded.diagnostics, loaded.sources, len(loaded.sources), len(program.pipelines), len(program.tasks))


def run_check(
    paths: Sequence[str], targets: Sequence[str], options: Mapping[str, Mapping[str, object]],
    root: str | Path | None, snapshot: Snapshot, kept: list[Json],
) -> tuple[Checked, list[Json]]:
    """`api.check`'s outcome, from the units in `kept` and fresh ones; and every unit, to store."""
    from flowc import api
    from flowc.backends.driver import prepare

    if not snapshot.usable:  # a path that is missing or unreadable, or no file at all: check as ever
        return Checked.of(api.check(paths, targets, options=options, root=root)), []
    ready = [(t, prepare(t, options.get(t, {}))) for t in targets]
    return check_project(Scope(tuple(paths), snapshot.inputs, root, ready), kept)


@dataclass
class Unit:
    """One unit's result: what each stage found, counts, and what its read saw of the disk."""

    given: list[list[str]]  # [shown path, file]
    loaded: list[str]
    digests: dict[str, str]
    probes: dict[str, bool]
    names: list[str]
    read: list[Diagnostic]
    validated: list[Diagnostic] | None  # None: not run (reading errors)
    limits: dict[str, list[Diagnostic]]  # per target, when the unit has no errors
    checks: dict[str, list[Diagnostic] | None]  # None: not run (the engine's limits are broken)
    counts: list[int]  # files read, then pipelines and tasks as read, then as prepared (when it was)
    sources: dict[str, str] = field(default_factory=lambda: {})  # only for units checked in this run

    def to_json(self) -> Json:
        def dump(ds: list[Diagnostic] | None) -> list[Json] | None:
            return None if ds is None else [d.model_dump(mode="json") for d in ds]

        return {
            "given": self.given, "loaded": self.loaded, "digests": self.digests, "probes": self.probes,
            "names": self.names, "read": dump(self.read), "validated": dump(self.validated),
            "limits": {t: dump(ds) for t, ds in self.limits.items()},
            "checks": {t: dump(ds) for t, ds in self.checks.items()}, "counts": self.counts,
        }

    @classmethod
    def from_json(cls, data: Json) -> Unit:
        def load(ds: list[Json] | None) -> list[Diagnostic] | None:
            return None if ds is None else [Diagnostic.model_validate(d) for d in ds]

        return cls(
            data["given"], data["loaded"], data["digests"], data["probes"], data["names"],
            load(data["read"]) or [], load(data["validated"]),
            {t: load(ds) or [] for t, ds in data["limits"].items()},
            {t: load(ds) for t, ds in data["checks"].items()}, data["counts"],
        )

    def given_files(self) -> set[Path]:
        return {Path(file) for _, file in self.given}

    def overlaps(self, other: Unit) -> bool:
        return bool(set(self.loaded) & set(other.loaded)) or bool(set(self.names) & set(other.names))


def check_project(scope: Scope, kept: list[Json]) -> tuple[Checked, list[Json]]:
    """Check every input: units in `kept` (stored, still valid) as they are, the rest read afresh."""
    units = [Unit.from_json(u) for u in kept]
    covered = {file for unit in units for file in unit.given_files()}
    pending = [item.file for item in scope.inputs if item.file not in covered]
    while pending:
        unit = _check_apart(scope, {pending[0]}, units)
        units.append(unit)
        pending = [file for file in pending if file not in unit.given_files()]
    return combine(scope, units), [u.to_json() for u in units]


def _check_apart(scope: Scope, group: set[Path], others: list[Unit]) -> Unit:
    """A unit for `group`, grown (and `others` shrunk) until it shares nothing with another unit."""
    while True:
        unit = check_unit(scope, group)
        clashing = [other for other in others if other.overlaps(unit)]
        if not clashing:
            return unit
        for other in clashing:
            others.remove(other)
            group |= other.given_files()
        group |= unit.given_files()


def check_unit(scope: Scope, only: Collection[Path]) -> Unit:
    """Read `only` (and their imports) and run every stage of `api.check` that their state allows."""
    from flowc.dsl.reader import read_paths
    from flowc.dsl.reader.files import observing
    from flowc.ir.passes import prepare
    from flowc.ir.validate import validate, validate_for_engine

    with observing() as seen:
        read = read_paths(scope.paths, scope.root, only=only, inputs=scope.inputs)
    validated = None if has_errors(read.diagnostics) else validate(read.program)
    clean = validated is not None and not has_errors(validated)
    prepared = prepare(read.program) if clean else None
    limits: dict[str, list[Diagnostic]] = {}
    checks: dict[str, list[Diagnostic] | None] = {}
    for target, ready in scope.targets if prepared is not None else ():
        if ready.backend is None or has_errors(ready.diagnostics):
            continue
        limits[target] = validate_for_engine(prepared, ready.backend.name)
        checks[target] = None if has_errors(limits[target]) else ready.backend.check(prepared, ready.options)
    shown = {os.fspath(i.file): i.path for i in scope.inputs}
    counts = [len(read.sources), *_counts(read.program), *(_counts(prepared) if prepared is not None else ())]
    return Unit(
        given=[[shown[os.fspath(f)], os.fspath(f)] for f in read.given],
        loaded=[os.fspath(f) for f in read.loaded],
        digests=dict(seen.digests), probes=dict(seen.probes),
        names=sorted(_names([*read.defined, *_program_names(read.program), *_program_names(prepared)])),
        read=read.diagnostics, validated=validated, limits=limits, checks=checks, counts=counts,
        sources=read.sources,
    )


def _counts(program: Program) -> list[int]:
    return [len(program.pipelines), len(program.tasks)]


def _program_names(program: Program | None) -> list[str]:
    if program is None:
        return []
    return [d.name for d in (*program.tasks, *program.pipelines)]


def _names(names: Iterable[str]) -> set[str]:
    """Each name, and what every engine makes of it (names that collide there collide for flowc)."""
    from flowc.ir.names import ENGINES, engine_name

    return {form for name in names for form in (name, *(engine_name(name, e).lower() for e in ENGINES))}


def combine(scope: Scope, units: list[Unit]) -> Checked:
    """What `api.check` reports for all the units' files read together (see the module docstring)."""
    read = [d for u in units for d in u.read]
    found = list(read)
    if not has_errors(read):
        found += [d for u in units for d in u.validated or ()]
    prepared = not has_errors(found)
    if prepared:
        for target, ready in scope.targets:
            found += _target(target, ready, units)
    sources = {path: text for u in units for path, text in u.sources.items()}
    diagnostics = sorted_diagnostics(found)
    counts = [sum(u.counts[i] for u in units) for i in ((0, 3, 4) if prepared else (0, 1, 2))]
    return Checked(diagnostics, {**_sources_of(diagnostics, sources), **sources}, *counts)


def _target(target: str, ready: Prepared, units: list[Unit]) -> list[Diagnostic]:
    """`driver.check_target` for the units together: option problems stop it, broken limits stop the checks."""
    if ready.backend is None or has_errors(ready.diagnostics):
        return list(ready.diagnostics)
    limits = [d for u in units for d in u.limits[target]]
    if has_errors(limits):
        return [*ready.diagnostics, *limits]
    return [*ready.diagnostics, *limits, *(d for u in units for d in u.checks[target] or ())]


def _sources_of(diagnostics: list[Diagnostic], known: dict[str, str]) -> dict[str, str]:
    """The text of the files that reused units' diagnostics point into (read again to show their lines)."""
    from flowc.dsl.reader.files import real_path
    from flowc.dsl.reader.source import read_text

    out: dict[str, str] = {}
    for path in {d.span.path for d in diagnostics if d.span is not None} - set(known):
        text, _ = read_text(path, real_path(path))
        if text is not None:
            out[path] = text
    return out
