"""The incremental check: `flowc check` reuses what an earlier check of the same project found.

    code = replay(request)          # an unchanged project: the stored output, or None
    code = check(request, run)      # otherwise: re-check the changed parts, store, print

A project is checked in units: the given files read together with the project modules
they import (files that share a module, or names that could collide, share a unit).
A unit's result is stored with the digest of every file it read and the answer to
every module-file probe; a later check reuses each unit whose answers are unchanged,
re-checks the others (a changed file, and the files importing it, are one unit), and
combines them as one check of everything would (`flowc.incremental.units`).

When nothing changed, `replay` prints the stored output and returns the stored exit
code. It runs before the CLI imports the compiler: this package's top level imports
only the standard library and the reader's file discovery, never libcst, pydantic or
a backend. `flowc check --no-cache` bypasses all of it.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Generator
from typing import Any, TextIO, TypeVar, cast

from flowc.incremental import store
from flowc.incremental.state import Request, Snapshot, request_key

__all__ = ["Request", "check", "replay"]

T = TypeVar("T")
Events = list[list[Any]]  # [stream (1 stdout, 2 stderr), text] in the order written


def replay(request: Request) -> int | None:
    """Print the stored output of this check and return its exit code, if nothing it read changed."""
    entry = store.load(request.project, request_key(request), request.has_project)
    if entry is None:
        return None
    outputs, units = entry.get("outputs"), entry.get("units")
    output: Any = cast("dict[str, Any]", outputs).get(request.output_key) if isinstance(outputs, dict) else None
    if not isinstance(output, dict) or not isinstance(units, list):
        return None
    stored = cast("list[Any]", units)
    snapshot = Snapshot.of(request.paths)
    if not snapshot.usable or not all(snapshot.holds(u) for u in stored) or not snapshot.covered_by(stored):
        return None
    found = cast("dict[str, Any]", output)
    events, code = found.get("events"), found.get("code")
    if not isinstance(code, int) or not _well_formed(events):
        return None  # a malformed entry: check for real (nothing was printed)
    _write(cast("Events", events))
    return code


def check(
    request: Request, run: Callable[[Snapshot, list[Any], list[list[str]]], tuple[T, list[Any]]], report: Callable[[T], int],
    *, partial: bool = False,
) -> int:
    """Check with the stored units: `run(snapshot, still-valid units, files of the others)` re-checks
    what changed (the files of one stale unit together) and returns the result and every unit;
    `report(result)` prints it, and what it prints is stored, unless the result is `partial` (a
    report of some units only, as the pre-commit hook makes): then only the units are stored."""
    name = request_key(request)
    entry = store.load(request.project, name, request.has_project) or {}
    snapshot = Snapshot.of(request.paths)
    stored: list[Any] = entry.get("units") if isinstance(entry.get("units"), list) else []  # type: ignore[assignment]
    kept = [u for u in stored if snapshot.holds(u)] if snapshot.usable else []
    stale = [[file for _, file in u["given"]] for u in stored if u not in kept and snapshot.well_formed(u)]
    result, units = run(snapshot, kept, stale)
    with _recording() as events:
        code = report(result)
    if snapshot.usable:
        same = units == stored and isinstance(entry.get("outputs"), dict)  # only the format is new: keep the others
        outputs: dict[str, Any] = entry["outputs"] if same else {}
        if not partial:
            outputs = {**outputs, request.output_key: {"events": events, "code": code}}
        entry = {"units": units, "outputs": outputs}
        store.save(request.project, name, entry, request.has_project)
    return code


class _Tee:
    """A text stream that writes through to `stream` and records what it wrote."""

    def __init__(self, stream: TextIO, number: int, events: Events) -> None:
        self._stream, self._number, self._events = stream, number, events

    def write(self, text: str) -> int:
        if self._events and self._events[-1][0] == self._number:
            self._events[-1][1] += text
        else:
            self._events.append([self._number, text])
        return self._stream.write(text)

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def _recording() -> Generator[Events, None, None]:
    events: Events = []
    out, err = _Tee(sys.stdout, 1, events), _Tee(sys.stderr, 2, events)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):  # type: ignore[type-var]
        yield events


def _well_formed(events: Any) -> bool:
    return isinstance(events, list) and all(
        isinstance(e, list) and len(cast("list[Any]", e)) == 2 and e[0] in (1, 2) and isinstance(e[1], str)
        for e in cast("list[Any]", events)
    )


def _write(events: Events) -> None:
    for number, text in events:
        stream = sys.stdout if number == 1 else sys.stderr
        stream.write(str(text))
        stream.flush()
