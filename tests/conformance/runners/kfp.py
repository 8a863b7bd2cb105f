"""Conformance runner for Kubeflow Pipelines: compile with flowc, run under kfp.local.

The spec is written to `workdir`, loaded back with `kfp.components.load_component_from_file`
and run by kfp.local's `SubprocessRunner(use_venv=False)` (offline). Outputs come
from what kfp.local returns for the pipeline's outputs; executions are counted per
executor (one per task) and mapped back to IR task names.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from pathlib import Path

import pytest

from flowc.backends.kfp.backend import KfpBackend
from flowc.ir.model import Program
from flowc.ir.names import kfp_name
from tests.backends.kfp.local_run import lifted_guard, run_spec
from tests.conformance.expected import Case
from tests.conformance.runners import RunResult


def run(program: Program, case: Case, workdir: Path) -> RunResult:
    result = KfpBackend().emit(program, {})
    assert not result.diagnostics, result.diagnostics
    path = workdir / f"{case.pipeline}.yaml"
    path.write_bytes(result.files[f"{case.pipeline}.yaml"])
    bin_dir = str(Path(sys.executable).parent)
    with lifted_guard(), pytest.MonkeyPatch.context() as mp:
        mp.setenv("PATH", bin_dir + os.pathsep + os.environ.get("PATH", ""))
        mp.setenv("TMPDIR", str(workdir))
        outputs, executions = run_spec(path, dict(case.args), workdir / "root")
    by_executor = {"exec-" + kfp_name(t.name): t.name for t in program.tasks}
    ran = Counter[str]()
    for executor, times in executions.items():
        ran[by_executor.get(executor, executor)] += times
    return RunResult(outputs=outputs, ran=ran)
