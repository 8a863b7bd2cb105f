"""Literals take their declared types before any backend runs (`flowc.ir.passes.constants`)."""

from __future__ import annotations

from pathlib import Path

from flowc import api
from flowc.ir.model import ConstBinding, LoopNode, TaskNode, iter_nodes

SOURCE = '''
from flowc import pipeline, task


@task
def scale(x: float, ys: list[float], flag: bool = True, n: int = 1, w: float = 2) -> float:
    return x * sum(ys) * n * w if flag else 0.0


@pipeline
def flow(factor: float = 3) -> list[float]:
    scale(x=1, ys=[1, 2.5], flag=True, n=2)
    return [scale(x=v, ys=[2]) for v in [1.5, 2]]
'''


def test_ints_written_for_floats_become_floats_and_nothing_else_changes(tmp_path: Path) -> None:
    (tmp_path / "flow.py").write_text(SOURCE)
    loaded = api.load([tmp_path / "flow.py"], optimize=False)
    assert loaded.ok, loaded.diagnostics
    program = loaded.program
    nodes = list(iter_nodes(program.pipeline("flow").body))
    first = next(n for n in nodes if isinstance(n, TaskNode))
    consts = {i.name: i.binding.value for i in first.inputs if isinstance(i.binding, ConstBinding)}
    assert consts == {"x": 1.0, "ys": [1.0, 2.5], "flag": True, "n": 2}
    assert isinstance(consts["x"], float) and isinstance(consts["n"], int) and consts["flag"] is True
    loop = next(n for n in nodes if isinstance(n, LoopNode))
    assert isinstance(loop.items, ConstBinding) and [type(v) for v in loop.items.value] == [float, float]  # type: ignore[union-attr]
    defaults = {p.name: p.default for p in program.task("scale").params if p.has_default}
    assert defaults == {"flag": True, "n": 1, "w": 2.0} and isinstance(defaults["w"], float)
    assert isinstance(program.pipeline("flow").param("factor").default, float)  # type: ignore[union-attr]
