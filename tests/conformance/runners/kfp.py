"""Conformance runner for Kubeflow Pipelines: compile with flowc, run under kfp.local.

The spec is written to `workdir`, loaded back with `kfp.components.load_component_from_file`
and run by kfp.local's `SubprocessRunner(use_venv=False)` (offline). Outputs come
from what kfp.local returns for the pipeline's outputs; executions are counted per
executor (one per task, shared by each call's component) and mapped back to IR task names.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from flowc.backends.kfp.backend import KfpBackend
from flowc.ir.model import Program
from flowc.ir.names import kfp_name
from tests.backends.kfp.local_run import lifted_guard, run_spec
from tests.conformance.runners import RunResult, artifact_of, assert_no_errors, by_member


def compile_spec(program: Program, pipeline: str, workdir: Path) -> Path:
    result = KfpBackend().emit(program, {})
    assert_no_errors(result.diagnostics)
    name = artifact_of(result.files, pipeline, ".yaml")
    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / name
    path.write_bytes(result.files[name])
    return path


def run(program: Program, pipeline: str, args: dict[str, Any], workdir: Path) -> RunResult:
    return run_compiled(program, compile_spec(program, pipeline, workdir), args, workdir)


def run_compiled(program: Program, spec: Path, args: dict[str, Any], workdir: Path) -> RunResult:
    workdir.mkdir(parents=True, exist_ok=True)
    bin_dir = str(Path(sys.executable).parent)
    with lifted_guard(), pytest.MonkeyPatch.context() as mp:
        mp.setenv("PATH", bin_dir + os.pathsep + os.environ.get("PATH", ""))
        mp.setenv("TMPDIR", str(workdir))
        executions: Counter[str] = Counter()
        logs = io.StringIO()  # kfp.local prints each task's output (a failed step's traceback) to stdout
        try:
            with contextlib.redirect_stdout(logs):
                outputs, _ = run_spec(spec, dict(args), workdir / "root", executions=executions)
        except RuntimeError as exc:  # kfp.local: "Pipeline ... finished with status FAILURE. Inner task failed: ..."
            ran = by_member(program, _by_task(program, executions))
            return RunResult(outputs={}, ran=ran, error=f"{exc}\n{logs.getvalue()}")
        finally:
            sys.stdout.write(logs.getvalue())
    return RunResult(outputs=outputs, ran=by_member(program, _by_task(program, executions)))


def _by_task(program: Program, executions: Counter[str]) -> Counter[str]:
    """Executions by executor (every call of a task shares the task's executor) -> by IR task."""
    by_executor = {"exec-" + kfp_name(t.name): t.name for t in program.tasks}
    ran = Counter[str]()
    for executor, times in executions.items():
        ran[by_executor.get(executor, executor)] += times
    return ran
