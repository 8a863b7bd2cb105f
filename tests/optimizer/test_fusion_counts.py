"""Fusion, counted where each engine sees it (issue 10's acceptance).

A 12-step chain of one image (12 tasks, `bench.generate.light_chain_source`) compiles to one engine task on every backend; the same
chain with step 6 on another image compiles to three (steps 1-5, step 6, steps 7-12);
`examples/feature_etl.py`, a chain of four light steps, is one engine task, as its
docstring says. Unoptimized (`-O0`), each step is its own engine task.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from bench.generate import light_chain_source
from flowc.ir.model import Program, PythonTask, TaskNode, iter_nodes
from tests.conftest import EXAMPLES
from tests.optimizer.engine_tasks import airflow_tasks, flyte_tasks, kfp_tasks, load

STEPS = 12
ODD_STEP = 6


def _kfp(program: Program, pipeline: str, workdir: Path) -> int:
    executors, dag_tasks = kfp_tasks(program, pipeline, workdir)
    assert executors == dag_tasks, (executors, dag_tasks)
    return executors


def _flyte(program: Program, pipeline: str, workdir: Path) -> int:
    tasks, nodes = flyte_tasks(program, pipeline, workdir)
    assert tasks == nodes, (tasks, nodes)
    return tasks


COUNTERS: dict[str, Callable[[Program, str, Path], int]] = {
    "kfp": _kfp,
    "airflow": airflow_tasks,
    "flyte": _flyte,
}
BACKENDS = [pytest.param(b, marks=[pytest.mark.engine] if b == "airflow" else []) for b in COUNTERS]


def called_members(program: Program, pipeline: str) -> list[tuple[str, ...]]:
    """Per task call of the pipeline, in order: the fused task's members, or the task itself."""
    calls = [n.task for n in iter_nodes(program.pipeline(pipeline).body) if isinstance(n, TaskNode)]
    tasks = [program.task(name) for name in calls]
    return [t.members if isinstance(t, PythonTask) and t.members else (t.name,) for t in tasks]


def _chain(tmp_path: Path, odd: int | None, optimize: bool = True) -> Program:
    path = tmp_path / "src" / "chain.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(light_chain_source(STEPS, "chain", odd), encoding="utf-8")
    return load(path, optimize)


@pytest.mark.parametrize("backend", BACKENDS)
def test_chain_of_one_image_is_one_engine_task(backend: str, tmp_path: Path) -> None:
    count = COUNTERS[backend]
    assert count(_chain(tmp_path, None, optimize=False), "chain", tmp_path / "O0") == STEPS
    assert count(_chain(tmp_path, None), "chain", tmp_path / "O") == 1


@pytest.mark.parametrize("backend", BACKENDS)
def test_chain_with_one_step_on_another_image_is_three_engine_tasks(backend: str, tmp_path: Path) -> None:
    assert COUNTERS[backend](_chain(tmp_path, ODD_STEP), "chain", tmp_path) == 3


def test_chain_with_one_step_on_another_image_splits_around_it(tmp_path: Path) -> None:
    """Before the odd step, the odd step, after it: members in chain order."""
    steps = [f"s{i}" for i in range(1, STEPS + 1)]
    before, odd, after = tuple(steps[: ODD_STEP - 1]), (steps[ODD_STEP - 1],), tuple(steps[ODD_STEP:])
    assert called_members(_chain(tmp_path, ODD_STEP), "chain") == [before, odd, after]


@pytest.mark.parametrize("backend", BACKENDS)
def test_feature_etl_is_fused(backend: str, tmp_path: Path) -> None:
    program = load(EXAMPLES / "feature_etl.py")
    assert called_members(program, "feature_etl") == [("parse", "clean", "featurize", "summarize")]
    assert COUNTERS[backend](program, "feature_etl", tmp_path) == 1
