"""What a backend tells the language reference: how its engine renders each part of the language.

Each built-in backend declares an `EngineReference` (class attribute `reference`):
what every task option becomes on its engine, its type for each boundary type (its
own type mapping, called, never restated), how it renders each pipeline construct,
and how a pipeline's parameters, results and schedule reach the engine.
`flowc.backends.reference` builds docs/reference.md from these and the option table;
a test holds every built-in backend to a note for every option and construct.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from flowc.ir.types import Type

CONSTRUCTS: tuple[str, ...] = ("fan-out", "fan-in", "condition", "sub-pipeline", "after", "try/finally", "raise", "fused step")
"""The pipeline constructs each engine's note covers, in the order the reference lists them."""


@dataclass(frozen=True)
class EngineReference:
    """One engine's column of the language reference."""

    task_options: Mapping[str, str]
    type_name: Callable[[Type], str]
    constructs: Mapping[str, str]
    parameters: str
    results: str
    schedule: str
