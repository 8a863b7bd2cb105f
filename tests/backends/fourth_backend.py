"""A fourth backend that exists only in the tests: it writes each entry pipeline's plan as JSON.

It is installed through the `flowc.backends` entry point by a fake distribution
(`install_fourth_backend`), never registered under `flowc/`, and uses only the
public contract: typed options, a `check` for what it cannot express (container
tasks, unless `containers=true`), a name rule from `flowc.ir.names`, and `emit`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

import pytest

from flowc.backends.base import BackendOption, EmitResult, OptionValue, entry_pipelines
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import ContainerTask, Program, TaskNode, iter_nodes
from flowc.ir.names import python_name

NAME = "planjson"


class PlanJsonBackend:
    """The plan of each entry pipeline as JSON: its steps and the tasks they call."""

    name: ClassVar[str] = NAME
    description: ClassVar[str] = "each pipeline's plan as JSON (a test-only backend)"
    options: ClassVar[tuple[BackendOption, ...]] = (
        BackendOption("indent", "spaces of JSON indentation", 2, kind="int", minimum=0),
        BackendOption("containers", "accept container tasks (listed by image)", False, kind="bool"),
    )

    def engine_name(self, name: str) -> str:
        return python_name(name)

    def check(self, program: Program, options: Mapping[str, OptionValue]) -> list[Diagnostic]:
        if options.get("containers") is True:
            return []
        return [
            Diagnostic.of(codes.BACKEND_UNSUPPORTED, t.span, NAME, f"container task {t.name!r}", hint="set -O planjson.containers=true")
            for t in sorted(program.tasks, key=lambda t: t.name)
            if isinstance(t, ContainerTask)
        ]

    def emit(self, program: Program, options: Mapping[str, OptionValue]) -> EmitResult:
        indent = options.get("indent")
        files: dict[str, bytes] = {}
        for pipeline in entry_pipelines(program):
            steps = [{"id": n.id, "task": n.task} for n in iter_nodes(pipeline.body) if isinstance(n, TaskNode)]
            plan = {"pipeline": self.engine_name(pipeline.name), "steps": steps}
            text = json.dumps(plan, indent=indent if isinstance(indent, int) else 2, sort_keys=True) + "\n"
            files[f"{self.engine_name(pipeline.name)}.plan.json"] = text.encode("utf-8")
        return EmitResult(files=files)


def install_fourth_backend(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A fake installed distribution whose `flowc.backends` entry point names `PlanJsonBackend`."""
    dist = folder / "planjson_backend-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: planjson-backend\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text(f"[flowc.backends]\n{NAME} = {__name__}:PlanJsonBackend\n")
    monkeypatch.syspath_prepend(str(folder))
