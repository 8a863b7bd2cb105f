"""Conformance runner for Flyte: compile with flowc, run the module with flytekit locally.

The generated `<pipeline>_flyte.py` is imported by name and its workflow called,
which is flytekit's local execution (tasks, map_task ArrayNodes, dynamics,
conditionals, sub-workflows; container tasks run their command as a subprocess).
Each run gets its own HOME, TMPDIR and an empty flytekit local cache, so cases
never serve each other's results.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from flowc.backends.flyte.backend import FlyteBackend
from flowc.ir.model import Program
from flowc.ir.names import python_name
from tests.backends.flyte.local_run import counting, flyte_sandbox, import_generated, run_workflow
from tests.conformance.runners import RunResult, artifact_of, assert_no_errors, by_member


def compile_module(program: Program, pipeline: str, folder: Path) -> str:
    """Write the Flyte modules into `folder`; the name of `pipeline`'s module."""
    result = FlyteBackend().emit(program, {})
    assert_no_errors(result.diagnostics)
    folder.mkdir(parents=True, exist_ok=True)
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
    return artifact_of(result.files, pipeline, ".py").removesuffix(".py")


def run(program: Program, pipeline: str, args: dict[str, Any], workdir: Path) -> RunResult:
    folder = workdir / "module"
    return run_compiled(program, pipeline, compile_module(program, pipeline, folder), folder, args, workdir)


def run_compiled(
    program: Program, pipeline: str, module_name: str, folder: Path, args: dict[str, Any], workdir: Path
) -> RunResult:
    with flyte_sandbox(workdir):
        module = import_generated(folder, module_name)
        with counting(module, program) as ran:
            try:
                outputs = run_workflow(module, python_name(pipeline), dict(args))
            except Exception as exc:  # noqa: BLE001 - flytekit's local execution raises the failed task's error
                return RunResult(outputs={}, ran=by_member(program, ran), error=f"{type(exc).__name__}: {exc}")
    return RunResult(outputs=outputs, ran=by_member(program, ran))
