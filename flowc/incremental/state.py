"""What a check's result depends on, and whether it still holds. Standard library only
(and the reader's file discovery, which imports no more than the CLI already has).

A stored check is keyed by everything that is the same for all of its files (`request_key`):
flowc itself, Python, the installed packages, the working folder, the command's
arguments and the project's pyproject.toml. Inside it, each unit (files read together,
see `flowc.incremental.units`) lists what its read saw of the disk: the digest of each
file it read and the answer to each "is there a module file here?" probe. A unit still
holds while every one of these answers is the same (`Snapshot.holds`).
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

import flowc
from flowc.dsl.reader.files import InputFile, content_digest, discover, read_source_bytes

SCHEMA = 1  # bump when the entry layout changes


@dataclass(frozen=True)
class Request:
    """One `flowc check` as the user typed it, and the pyproject.toml it reads its settings from."""

    paths: tuple[str, ...]
    root: str | None
    targets: tuple[str, ...]
    options: tuple[str, ...]
    no_optimize: bool
    format: str
    pyproject: Path | None
    strict: bool = False  # warnings fail too: the same check, another exit code and summary

    @property
    def output_key(self) -> str:
        """Which stored output of the entry this request prints (its format; strict or not)."""
        return self.format + ("+strict" if self.strict else "")

    @property
    def project(self) -> Path:
        """The folder whose cache this check uses: its pyproject.toml's, else the current one."""
        return self.pyproject.parent if self.pyproject is not None else Path.cwd()

    @property
    def has_project(self) -> bool:
        """Whether the check has a project folder (a pyproject.toml) to keep `.flowc/` in."""
        return self.pyproject is not None


def request_key(request: Request) -> str:
    """The name of the entry holding this request's results (any output format)."""
    material = {
        "schema": SCHEMA,
        **environment(),
        "request": [list(request.paths), request.root, list(request.targets), list(request.options), request.no_optimize],
        "pyproject": [str(request.pyproject), file_digest(request.pyproject)] if request.pyproject else None,
    }
    return "check-" + hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()[:32]


def environment() -> dict[str, Any]:
    """What any stored result depends on besides its files: flowc, Python, the installed packages,
    the working folder (also `flowc run`'s prepared programs, `flowc.run.prepared`)."""
    return {
        "flowc": flowc_fingerprint(),
        "python": [sys.version, sys.prefix, sys.executable],
        "site": _site_fingerprint(),
        "cwd": os.getcwd(),
    }


def flowc_fingerprint() -> list[Any]:
    """flowc's version and the size and time of each of its files: a new flowc, even an edited
    editable install, never reuses results of the old one."""
    top = Path(flowc.__file__).parent
    files: list[Any] = [flowc.__version__]
    for folder, dirs, names in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            try:
                st = os.stat(os.path.join(folder, name))
            except OSError:
                continue
            files.append([os.path.relpath(os.path.join(folder, name), top), st.st_size, st.st_mtime_ns])
    return files


def _site_fingerprint() -> list[Any]:
    """The install folders' times: installing or removing a package (a backend plugin) changes them."""
    out: list[Any] = []
    for entry in sys.path:
        if os.path.basename(entry) in ("site-packages", "dist-packages"):
            try:
                out.append([entry, os.stat(entry).st_mtime_ns])
            except OSError:
                out.append([entry, None])
    return out


def file_digest(path: Path) -> str | None:
    """The digest of the file's bytes, read the way the reader reads them; None when unreadable."""
    data, _ = read_source_bytes(os.fspath(path), path)
    return content_digest(data) if data is not None else None


@dataclass
class Snapshot:
    """The request's input files now, and the disk answers units are checked against (memoized)."""

    inputs: list[InputFile]
    usable: bool  # False when discovery reported a problem: such a check is never cached
    _digests: dict[str, str | None] = field(default_factory=lambda: {})
    _probes: dict[str, bool] = field(default_factory=lambda: {})

    @functools.cached_property
    def shown(self) -> dict[str, str]:
        """Each input file -> its path as shown."""
        return {os.fspath(i.file): i.path for i in self.inputs}

    @classmethod
    def of(cls, paths: tuple[str, ...]) -> Snapshot:
        inputs, problems = discover(paths)
        return cls(inputs, usable=bool(inputs) and not problems)

    def holds(self, unit: dict[str, Any]) -> bool:
        """Whether a stored unit's result is still the result: same files given, same bytes, same probes."""
        try:
            shown = self.shown
            given = {file: path for path, file in unit["given"]}
            if any(shown.get(file) != path for file, path in given.items()):
                return False
            if any(file in shown and file not in given for file in unit["loaded"]):
                return False  # a module it imported is now given itself
            digests: dict[str, str] = unit["digests"]
            if any(file not in digests for file in unit["loaded"]):
                return False  # a file it could not read: read again
            if any(self.digest(file) != digest for file, digest in digests.items()):
                return False
            return all(self.probe(path) == found for path, found in unit["probes"].items())
        except (KeyError, TypeError, ValueError, AttributeError):
            return False  # a malformed entry: read again

    @staticmethod
    def well_formed(unit: Any) -> bool:
        """Whether a stored unit names its given files as [shown path, file] pairs."""
        given: Any = cast("dict[str, Any]", unit).get("given") if isinstance(unit, dict) else None
        if not isinstance(given, list):
            return False
        return all(isinstance(g, list) and [type(x) for x in cast("list[Any]", g)] == [str, str] for g in cast("list[Any]", given))

    def digest(self, file: str) -> str | None:
        if file not in self._digests:
            self._digests[file] = file_digest(Path(file))
        return self._digests[file]

    def probe(self, path: str) -> bool:
        if path not in self._probes:
            self._probes[path] = os.path.isfile(path)
        return self._probes[path]

    def covered_by(self, units: list[dict[str, Any]]) -> bool:
        """Whether `units` read exactly the request's input files."""
        return {file for unit in units for _, file in unit["given"]} == set(self.shown)
