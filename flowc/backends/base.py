"""The contract every backend implements, and what `emit` returns.

A backend declares:
- `name` (the target name) and a one-line `description`;
- `options`: typed `BackendOption`s with defaults and docs, parsed for it by
  `flowc.backends.options.parse_options` (it never sees an unknown or ill-typed value);
- `check(program, options)`: everything it cannot express, as located diagnostics.
  The driver (`flowc.backends.driver`) runs it before `emit`, and `flowc check` runs
  it alone, so anything `compile` would reject, `check` reports;
- `engine_name(name)`: its name rule, one of the sanitizers in `flowc.ir.names`;
- `emit(program, options)`: the files, called only when `check` found no error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import ClassVar, Protocol, runtime_checkable

from flowc.backends.options import BackendOption, OptionValue
from flowc.ir.artifacts import artifact_program
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Pipeline, Program

__all__ = ["Backend", "BackendOption", "ChecksByEmitting", "EmitResult", "OptionValue", "artifacts", "entry_pipelines"]


@dataclass
class EmitResult:
    """What a backend produced: files (relative path -> bytes) and any diagnostics.

    When `diagnostics` holds an error, `files` is ignored and nothing is written.
    """

    files: dict[str, bytes] = field(default_factory=lambda: {})
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])


@runtime_checkable
class Backend(Protocol):
    """A compile target: `check` says what it cannot express, `emit` turns entry pipelines into files."""

    name: ClassVar[str]
    description: ClassVar[str]
    options: ClassVar[tuple[BackendOption, ...]]

    def engine_name(self, name: str) -> str: ...

    def check(self, program: Program, options: Mapping[str, OptionValue]) -> list[Diagnostic]: ...

    def emit(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult: ...


class ChecksByEmitting:
    """For a backend whose errors are found while building its artifacts (sizes, limits).

    `check` builds them; `emit` of the same program with the same options then hands
    over that build instead of building again (compile runs `check`, then `emit`).
    """

    _built: tuple[Program, dict[str, OptionValue], EmitResult] | None = None

    def build(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        raise NotImplementedError

    def check(self, program: Program, options: Mapping[str, OptionValue]) -> list[Diagnostic]:
        result = self.build(program, options)
        self._built = (program, dict(options), result)
        return list(result.diagnostics)

    def emit(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        built, self._built = self._built, None
        if built is not None and built[0] is program and built[1] == dict(options):
            return EmitResult(files=dict(built[2].files), diagnostics=list(built[2].diagnostics))
        return self.build(program, options)


def entry_pipelines(program: Program) -> list[Pipeline]:
    """The pipelines that become artifacts, in name order."""
    return sorted((p for p in program.pipelines if p.entry), key=lambda p: p.name)


def artifacts(program: Program) -> list[tuple[Program, Pipeline]]:
    """Each artifact's own program and its entry pipeline, in name order (see `flowc.ir.artifacts`)."""
    views = [artifact_program(program, p) for p in entry_pipelines(program)]
    return [(view, view.pipelines[0]) for view in views]
