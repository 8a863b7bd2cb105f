"""`try/finally` in the IR: one `CleanupNode`, kept whole by every pass (flowc/ir/cleanup.py)."""

from __future__ import annotations

from pathlib import Path

from flowc import api
from flowc.ir.invariants import invariant_problems
from flowc.ir.model import CleanupNode, Program, RunStatusBinding, TaskNode, iter_nodes

SOURCE = '''
from flowc import RunStatus, pipeline, run_status, task


@task
def inc(x: int) -> int:
    return x + 1


@task
def clean(status: RunStatus, note: str) -> None:
    print(note, status.state)


@pipeline
def chain(x: int = 1) -> int:
    a = inc(x=x)
    try:
        b = inc(x=a)
        c = inc(x=b)
    finally:
        clean(status=run_status(), note="done")
    return inc(x=c)
'''


def _load(tmp_path: Path, optimize: bool) -> Program:
    path = tmp_path / "chain.py"
    path.write_text(SOURCE, encoding="utf-8")
    loaded = api.load([path], root=tmp_path, optimize=optimize)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def _members(program: Program, node: TaskNode) -> tuple[str, ...]:
    task = program.task(node.task)
    return getattr(task, "members", ()) or (task.name,)


def test_reader_makes_one_cleanup_node(tmp_path: Path) -> None:
    pipeline = _load(tmp_path, optimize=False).pipeline("chain")
    block = next(n for n in pipeline.body if isinstance(n, CleanupNode))
    assert [n.id for n in pipeline.body] == ["inc", "try_1", "inc_4"]
    assert [n.id for n in block.body] == ["inc_2", "inc_3"]
    (cleanup,) = block.cleanup
    assert isinstance(cleanup, TaskNode)
    status = {i.name: i.binding for i in cleanup.inputs}["status"]
    assert isinstance(status, RunStatusBinding) and status.block == "try_1"


def test_fusion_stays_on_each_side_of_the_try_boundary(tmp_path: Path) -> None:
    program = _load(tmp_path, optimize=True)
    assert invariant_problems(program) == []
    pipeline = program.pipeline("chain")
    block = next(n for n in pipeline.body if isinstance(n, CleanupNode))
    outside = [n for n in pipeline.body if isinstance(n, TaskNode)]
    inside = [n for n in block.body if isinstance(n, TaskNode)]
    assert [len(_members(program, n)) for n in inside] == [2]  # b and c: one step, inside the try block
    assert all(len(_members(program, n)) == 1 for n in outside)  # a and the step after it stay alone
    assert len(list(iter_nodes(pipeline.body))) == 5


def test_cleanup_node_round_trips_through_json(tmp_path: Path) -> None:
    program = _load(tmp_path, optimize=True)
    assert Program.model_validate_json(program.model_dump_json()) == program
