"""The protocol every backend implements, and what `emit` returns."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar, Protocol, runtime_checkable

from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Pipeline, Program


@dataclass(frozen=True)
class BackendOption:
    """An option a backend accepts (`--option name=value` or `[tool.flowc.<backend>]`)."""

    name: str
    help: str
    default: Any = None
    choices: tuple[str, ...] = ()


@dataclass
class EmitResult:
    """What a backend produced: files (relative path -> bytes) and any diagnostics.

    When `diagnostics` holds an error, `files` is ignored and nothing is written.
    """

    files: dict[str, bytes] = field(default_factory=lambda: {})
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])


@runtime_checkable
class Backend(Protocol):
    """A compile target: `emit` turns each entry pipeline of a program into files."""

    name: ClassVar[str]
    description: ClassVar[str]
    options: ClassVar[tuple[BackendOption, ...]]

    def emit(self, program: Program, options: Mapping[str, Any]) -> EmitResult: ...


def entry_pipelines(program: Program) -> list[Pipeline]:
    """The pipelines that become artifacts, in name order."""
    return sorted((p for p in program.pipelines if p.entry), key=lambda p: p.name)
