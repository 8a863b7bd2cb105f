"""The incremental check's heavy half: check a project unit by unit, and combine the units
into exactly what one check of every file reports (`flowc.api.check`).

A unit is some of the given files read together (`read_paths(..., only=...)`) with the
project modules they import; a module of tasks imported by many files is read by each
of their units, and what it reports is reported once. Two units never give one name
(a task's or pipeline's, as written, as the IR names it, or as any engine sanitizes
it; a module's) two meanings, nor hold the same pipeline: where they would, they are
read again as one. Apart from that, what the reader,
the validator, the passes and a backend's checks say about one unit does not depend on
another, except through the gates of `api.check`, which `combine` applies to the
whole: validation runs only when no file has a reading error, backends only when
nothing has an error, and a backend's own checks only when no unit breaks that
engine's limits (`backends.driver`).
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flowc.backends.driver import Prepared
from flowc.dsl.reader.files import InputFile
from flowc.ir.diagnostics import Diagnostic, has_errors, sorted_diagnostics
from flowc.ir.model import Program
from flowc.ir.task_options import ProjectDefaults
from flowc.ir.span import Span

if TYPE_CHECKING:
    from flowc.api import Loaded
    from flowc.dsl.reader import ReadResult
    from flowc.incremental.state import Snapshot

Json = dict[str, Any]


@dataclass(frozen=True)
class Scope:
    """What every unit of one check shares: the paths as given, their files, the root, the targets."""

    paths: tuple[str, ...]
    inputs: Sequence[InputFile]
    root: str | Path | None
    targets: Sequence[tuple[str, Prepared]]  # each requested target, its backend loaded and options parsed
    optimize: bool = True
    defaults: ProjectDefaults | None = None  # [tool.flowc] image and packages


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
    root: str | Path | None, snapshot: Snapshot, kept: list[Json], stale: list[list[str]], *, optimize: bool = True,
    defaults: ProjectDefaults | None = None, changed: Collection[str] | None = None,
) -> tuple[Checked, list[Json]]:
    """`api.check`'s outcome, from the units in `kept` and fresh ones; and every unit, to store.
    `changed`: only what concerns these files (`check_project`)."""
    from flowc import api
    from flowc.backends.driver import prepare

    if not snapshot.usable:  # a path that is missing or unreadable, or no file at all: check as ever
        return Checked.of(api.check(paths, targets, options=options, root=root, optimize=optimize, defaults=defaults)), []
    ready = [(t, prepare(t, options.get(t, {}))) for t in targets]
    return check_project(Scope(tuple(paths), snapshot.inputs, root, ready, optimize, defaults), kept, stale, changed)


@dataclass
class Unit:
    """One unit's result: what each stage found, counts, names, and what its read saw of the disk."""

    given: list[list[str]]  # [shown path, file] of the given files it read
    loaded: list[str]
    digests: dict[str, str]
    probes: dict[str, bool]
    names: dict[str, list[str]]  # each name form -> who defines it (see `_names`)
    read: list[Diagnostic]
    validated: list[Diagnostic] | None  # None: not run (reading errors)
    limits: dict[str, list[Diagnostic]]  # per target, when the unit has no errors
    checks: dict[str, list[Diagnostic] | None]  # None: not run (the engine's limits are broken)
    counts: Json  # "files": shown paths read; "read" / "prepared": per kind, name -> how many
    sources: dict[str, str] = field(default_factory=lambda: {})  # only for units checked in this run

    def to_json(self) -> Json:
        def dump(ds: list[Diagnostic] | None) -> list[Json] | None:
            return None if ds is None else [dataclasses.asdict(d) for d in ds]

        return {
            "given": self.given, "loaded": self.loaded, "digests": self.digests, "probes": self.probes,
            "names": self.names, "read": dump(self.read), "validated": dump(self.validated),
            "limits": {t: dump(ds) for t, ds in self.limits.items()},
            "checks": {t: dump(ds) for t, ds in self.checks.items()}, "counts": self.counts,
        }

    @classmethod
    def from_json(cls, data: Json) -> Unit:
        def load(ds: list[Json] | None) -> list[Diagnostic] | None:
            return None if ds is None else [_diagnostic(d) for d in ds]

        return cls(
            data["given"], data["loaded"], data["digests"], data["probes"], data["names"],
            load(data["read"]) or [], load(data["validated"]),
            {t: load(ds) or [] for t, ds in data["limits"].items()},
            {t: load(ds) for t, ds in data["checks"].items()}, data["counts"],
        )

    def given_files(self) -> set[Path]:
        return {Path(file) for _, file in self.given}

    def reads_any(self, files: Collection[str]) -> bool:
        """Whether what the unit found depends on one of `files` (real paths): a file it was given,
        one it read (a module it imports) or one whose existence it asked about (a module that may
        appear). The import graph of the project, as the incremental check invalidates by it."""
        read = {file for _, file in self.given} | set(self.loaded) | set(self.digests) | set(self.probes)
        return any(os.path.realpath(file) in files for file in read)

    def clashes(self, other: Unit) -> bool:
        """Whether a name means something else in `other`: read apart, the two would name things differently."""
        return any(other.names[form] != owners for form, owners in self.names.items() if form in other.names)


def _diagnostic(data: Json) -> Diagnostic:
    """A stored diagnostic, built as flowc built it: entries are signed, so they are flowc's own
    (`model_validate` would cost a pydantic import, a tenth of a second, on every edit)."""
    fields: dict[str, Any] = dict(data)
    span = fields.pop("span")
    return Diagnostic(**fields, span=Span(**span) if span is not None else None)


def check_project(
    scope: Scope, kept: list[Json], stale: Sequence[Sequence[str]] = (), changed: Collection[str] | None = None
) -> tuple[Checked, list[Json]]:
    """Check every input: units in `kept` (stored, still valid) as they are, the rest read afresh;
    the files of each `stale` unit (read together last time, for a reason) together again.

    `changed` (real paths): report only the units that read one of these files, exactly as
    `api.check` of their given files would (the pre-commit hook: the changed pipelines and
    those importing a changed module); every unit is still returned, to store."""
    units: list[Unit] = []
    for data in kept:
        try:
            units.append(Unit.from_json(data))
        except (KeyError, TypeError, ValueError, AttributeError):  # malformed: an older layout
            stale = [*stale, [file for _, file in data.get("given", [])]]
    inputs = [item.file for item in scope.inputs]
    known = set(inputs)
    groups = [[Path(f) for f in group if Path(f) in known] for group in stale] + [[file] for file in inputs]
    covered = {file for unit in units for file in unit.given_files()}
    for group in groups:
        left = set(group) - covered
        if left:
            units.append(_check_apart(scope, left, units))
            covered |= units[-1].given_files()  # a merged unit holds the files of those it replaced
    reported = units if changed is None else [u for u in units if u.reads_any(changed)]
    return combine(scope, reported), [u.to_json() for u in units]


def _check_apart(scope: Scope, group: set[Path], others: list[Unit]) -> Unit:
    """A unit for `group`, grown (and `others` shrunk) until no name clashes with another unit's."""
    while True:
        unit = check_unit(scope, group)
        clashing = [other for other in others if other.clashes(unit)]
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
        read = read_paths(scope.paths, scope.root, defaults=scope.defaults, only=only, inputs=scope.inputs)
    validated = None if has_errors(read.diagnostics) else validate(read.program)
    clean = validated is not None and not has_errors(validated)
    prepared = prepare(read.program, optimize=scope.optimize) if clean else None
    limits: dict[str, list[Diagnostic]] = {}
    checks: dict[str, list[Diagnostic] | None] = {}
    for target, ready in scope.targets:
        if prepared is None or ready.backend is None or has_errors(ready.diagnostics):
            continue
        limits[target] = validate_for_engine(prepared, ready.backend.name)
        checks[target] = None if has_errors(limits[target]) else ready.backend.check(prepared, ready.options)
    shown = {os.fspath(i.file): i.path for i in scope.inputs}
    given = sorted([shown[os.fspath(f)], os.fspath(f)] for f in read.given)
    counts = {"files": sorted(read.sources), "read": _counts(read.program), "prepared": _counts(prepared) if prepared else None}
    return Unit(
        given=given, loaded=[os.fspath(f) for f in read.loaded], digests=dict(seen.digests), probes=dict(seen.probes),
        names=_names(read, prepared, "unit " + json.dumps(given)),
        read=read.diagnostics, validated=validated, limits=limits, checks=checks, counts=counts, sources=read.sources,
    )


def _counts(program: Program) -> Json:
    """How many pipelines and tasks of each name (a task of a module read by two units is one task)."""
    return {
        "pipelines": dict(Counter(p.name for p in program.pipelines)),
        "tasks": dict(Counter(t.name for t in program.tasks)),
    }


def _names(read: ReadResult, prepared: Program | None, unit: str) -> dict[str, list[str]]:
    """Every name the unit's definitions could collide with in another unit, with who defines it.

    A module's name is defined by its file, and a task's names by its module: units that
    read the same module agree on these. A pipeline, and a task a pass made, are the
    unit's own: another unit holding one of the same name clashes (read together, one
    of them would be renamed).
    """
    from flowc.ir.names import ENGINES, engine_name

    owners: dict[str, set[str]] = {}

    def define(name: str, owner: str) -> None:
        for form in {name, *(engine_name(name, e).lower() for e in ENGINES)}:
            owners.setdefault(form, set()).add(owner)

    for module, file in read.modules:
        owners.setdefault(f"module {module}", set()).add(os.fspath(file))
    read_tasks = {t.name: t.module for t in read.program.tasks}
    for kind, module, name in read.defined:
        define(name, module if kind == "task" else unit)
    for name, module in read_tasks.items():
        define(name, module)
    for p in (*read.program.pipelines, *(prepared.pipelines if prepared else ())):
        define(p.name, unit)
    for t in prepared.tasks if prepared else ():
        define(t.name, read_tasks.get(t.name, unit))
    return {form: sorted(who) for form, who in owners.items()}


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
    stage = "prepared" if prepared else "read"
    files = len({path for u in units for path in u.counts["files"]})
    pipelines, tasks = (_count([u.counts[stage][kind] for u in units]) for kind in ("pipelines", "tasks"))
    return Checked(diagnostics, {**_sources_of(diagnostics, sources), **sources}, files, pipelines, tasks)


def _count(per_unit: list[dict[str, int]]) -> int:
    """Definitions of each name, counted once however many units read them."""
    most: dict[str, int] = {}
    for counts in per_unit:
        for name, n in counts.items():
            most[name] = max(most.get(name, 0), n)
    return sum(most.values())


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
