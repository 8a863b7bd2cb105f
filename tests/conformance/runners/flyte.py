"""Conformance runner for Flyte: compile with flowc, run the module with flytekit locally.

The generated `<pipeline>_flyte.py` is imported by name and its workflow called,
which is flytekit's local execution (tasks, map_task ArrayNodes, dynamics,
conditionals, sub-workflows; container tasks run their command as a subprocess).
Each run gets its own HOME, TMPDIR and an empty flytekit local cache, so cases
never serve each other's results.
"""

from __future__ import annotations

from pathlib import Path

from flowc.ir.model import Program
from flowc.ir.names import python_name
from tests.backends.flyte.local_run import compile_pipeline, counting, flyte_sandbox, import_generated, run_workflow
from tests.conformance.expected import Case
from tests.conformance.runners import RunResult


def run(program: Program, case: Case, workdir: Path) -> RunResult:
    folder = workdir / "module"
    compile_pipeline(program, folder)
    with flyte_sandbox(workdir):
        module = import_generated(folder, f"{python_name(case.pipeline)}_flyte")
        with counting(module, program) as ran:
            outputs = run_workflow(module, case.pipeline, dict(case.args))
    return RunResult(outputs=outputs, ran=ran)
