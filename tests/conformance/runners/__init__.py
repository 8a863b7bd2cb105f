"""One runner per backend: compile a Program, run it on the real engine, report what happened.

Each module `<backend>.py` defines `run(program, pipeline, args, workdir) -> RunResult`
(`pipeline` is the IR pipeline's name). Runners that are no backend's (flowc's own local
runner, `flowc_run.py`, engine id `flowc-run`) are listed in `LOCAL_RUNNERS`. Counts are by IR task name, a run of a fused
task (a `PythonTask` with `members`, made by the optimizer) counting once for each member.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from flowc.ir.diagnostics import Diagnostic
from flowc.ir.model import Program, PythonTask


LOCAL_RUNNERS = ("flowc-run",)  # engine ids of the runners that are not backends


def runner_module(engine: str) -> str:
    """The module of `engine`'s runner (an engine id may hold a dash, a module name cannot)."""
    return f"tests.conformance.runners.{engine.replace('-', '_')}"


@dataclass
class RunResult:
    """Pipeline outputs by name, and how many times each task (by IR task name) ran.

    A run that failed has no outputs and an `error`: the text the engine shows for it
    (its exception and the failed step's log), which must hold the raised message.
    """

    outputs: dict[str, Any]
    ran: Counter[str] = field(default_factory=lambda: Counter[str]())
    error: str | None = None


def by_member(program: Program, ran: Counter[str]) -> Counter[str]:
    """Runs by IR task name, each run of a fused task counted as one run of each of its members."""
    members = {t.name: t.members for t in program.tasks if isinstance(t, PythonTask) and t.members}
    counts = Counter[str]()
    for name, times in ran.items():
        for member in members.get(name, (name,)):
            counts[member] += times
    return counts


def assert_no_errors(diagnostics: Sequence[Diagnostic]) -> None:
    """A backend may warn (Airflow's python mode on `secrets=`); it must not refuse."""
    assert not [d for d in diagnostics if d.is_error], diagnostics


def _squash(name: str) -> str:
    """A name with case, accents and separators dropped (`namen-prüfung` ~ `namen_prufung`)."""
    ascii_text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^0-9a-z]+", "", ascii_text.lower())


def artifact_of(files: Mapping[str, bytes], pipeline: str, suffix: str) -> str:
    """The emitted file of `pipeline` ending in `suffix`: its exact name, else the one whose
    stem spells the same name once each engine's sanitizing is undone."""
    exact = f"{pipeline}{suffix}"
    if exact in files:
        return exact
    wanted = _squash(pipeline)
    found = [f for f in files if f.endswith(suffix) and _squash(f[: -len(suffix)].removesuffix("_flyte")) == wanted]
    assert len(found) == 1, (pipeline, suffix, sorted(files))
    return found[0]
