"""`flowc run`'s prepared programs, kept between runs: an unchanged project is not read again.

Reading a pipeline (libcst, the reader, validation, the passes) costs far more than
running a light one. The first `flowc run` of a project stores the prepared (optimized)
program beside the incremental check's entries (`flowc.incremental.store`: `.flowc/cache/`,
written atomically, signed with the user's private key); a later run with the same flowc,
Python, installed packages, working folder, arguments and pyproject.toml, whose files all
have the same bytes and whose module probes all answer the same (`flowc.incremental.state`),
takes the stored program instead of reading. Only programs without errors are stored.

The program is pickled (the IR is stdlib dataclasses): a signed entry of the user's own
cache, read back by an unpickler that builds nothing but flowc's IR classes, so that even
an entry that passed the signature can never call anything else. No user code runs either way.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import enum
import hashlib
import io
import json
import os
import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flowc.incremental import store
from flowc.incremental.state import Snapshot, environment, file_digest
from flowc.ir.diagnostics import Diagnostic, has_errors
from flowc.ir.model import Program
from flowc.ir.task_options import ProjectDefaults

SCHEMA = 1  # bump when the entry layout changes
_IR_MODULES = "flowc.ir."


@dataclass
class Prepared:
    """A program ready to run, every diagnostic of reading it, the sources they point into."""

    program: Program
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})
    from_cache: bool = False

    @property
    def ok(self) -> bool:
        return not has_errors(self.diagnostics)


def load_prepared(
    paths: Sequence[str | Path], *, root: str | Path | None, defaults: ProjectDefaults | None, optimize: bool, pyproject: Path | None,
) -> Prepared:
    """The prepared program of `paths`: the stored one when nothing it was read from changed, else read (and stored)."""
    shown = tuple(os.fspath(p) for p in paths)
    name = _entry_name(shown, root, defaults, optimize, pyproject)
    project = pyproject.parent if pyproject is not None else Path.cwd()
    snapshot = Snapshot.of(shown)
    if snapshot.usable:
        found = _stored(project, name, pyproject is not None, snapshot)
        if found is not None:
            return found
    return _read(shown, root, defaults, optimize, project, name if snapshot.usable else None, pyproject is not None, snapshot)


def _entry_name(paths: tuple[str, ...], root: str | Path | None, defaults: ProjectDefaults | None, optimize: bool, pyproject: Path | None) -> str:
    material = {
        "schema": SCHEMA,
        **environment(),
        "run": [list(paths), None if root is None else os.fspath(root), repr(defaults), optimize],
        "pyproject": [str(pyproject), file_digest(pyproject)] if pyproject else None,
    }
    return "run-" + hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()[:32]


def _stored(project: Path, name: str, own_folder: bool, snapshot: Snapshot) -> Prepared | None:
    entry = store.load(project, name, own_folder)
    if entry is None:
        return None
    unit, blob = entry.get("unit"), entry.get("program")
    if not isinstance(unit, dict) or not isinstance(blob, str) or not snapshot.well_formed(unit):
        return None
    if not snapshot.holds(unit) or not snapshot.covered_by([unit]):  # pyright: ignore[reportUnknownArgumentType]
        return None
    try:
        program, diagnostics, sources = _IRUnpickler(io.BytesIO(base64.b64decode(blob, validate=True))).load()
    except (pickle.UnpicklingError, binascii.Error, ValueError, TypeError, EOFError, AttributeError, ImportError):
        return None
    if not isinstance(program, Program) or not isinstance(diagnostics, list) or not isinstance(sources, dict):
        return None
    return Prepared(program, diagnostics, sources, from_cache=True)  # pyright: ignore[reportUnknownArgumentType]


def _read(
    paths: tuple[str, ...], root: str | Path | None, defaults: ProjectDefaults | None, optimize: bool,
    project: Path, name: str | None, own_folder: bool, snapshot: Snapshot,
) -> Prepared:
    from flowc import api
    from flowc.dsl.reader.files import observing

    with observing() as seen:
        loaded = api.load(paths, root=root, defaults=defaults, optimize=optimize)
    prepared = Prepared(loaded.program, loaded.diagnostics, loaded.sources)
    if name is not None and prepared.ok:
        unit = {
            "given": sorted([i.path, os.fspath(i.file)] for i in snapshot.inputs),
            "loaded": sorted(seen.digests), "digests": dict(seen.digests), "probes": dict(seen.probes),
        }
        blob = pickle.dumps((prepared.program, prepared.diagnostics, prepared.sources), protocol=pickle.HIGHEST_PROTOCOL)
        store.save(project, name, {"unit": unit, "program": base64.b64encode(blob).decode("ascii")}, own_folder)
    return prepared


class _IRUnpickler(pickle.Unpickler):
    """Builds flowc's IR classes (dataclasses and enums of `flowc.ir`) and nothing else."""

    def find_class(self, module: str, name: str) -> Any:
        if module.startswith(_IR_MODULES):
            found = super().find_class(module, name)
            if isinstance(found, type) and (dataclasses.is_dataclass(found) or issubclass(found, enum.Enum)):
                return found
        raise pickle.UnpicklingError(f"not an IR class: {module}.{name}")
