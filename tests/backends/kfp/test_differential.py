"""Differential test: flowc's spec and the kfp SDK's spec of the same pipeline have the same DAG."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowc.backends.kfp.backend import KfpBackend
from tests.backends.kfp import sdk_pipelines
from tests.backends.kfp.normalize import canonical

EXAMPLES = ["churn", "batch_inference", "feature_etl"]


def _sdk_text(name: str, folder: Path) -> str:
    from kfp import compiler

    path = folder / f"sdk-{name}.yaml"
    compiler.Compiler().compile(getattr(sdk_pipelines, name)(), str(path))
    return path.read_text()


@pytest.mark.parametrize("name", EXAMPLES)
def test_same_dag_as_the_kfp_sdk(name: str, load_example: Callable[[str], Any], tmp_path: Path) -> None:
    result = KfpBackend().emit(load_example(name, optimize=False), {})
    ours = canonical(result.files[f"{name}.yaml"].decode())
    theirs = canonical(_sdk_text(name, tmp_path))
    assert json.dumps(ours, indent=1, sort_keys=True) == json.dumps(theirs, indent=1, sort_keys=True)


def test_the_comparison_notices_a_difference(load_example: Callable[[str], Any], tmp_path: Path) -> None:
    """The canonical form is not blind: a changed retry count or cache flag shows up."""
    program = load_example("churn", optimize=False)
    load = program.task("load")
    changed = load.model_copy(update={"options": load.options.model_copy(update={"retries": 3})})
    program = program.model_copy(update={"tasks": tuple(changed if t.name == "load" else t for t in program.tasks)})
    ours = canonical(KfpBackend().emit(program, {}).files["churn.yaml"].decode())
    assert ours != canonical(_sdk_text("churn", tmp_path))


def test_weekly_report_matches_the_kfp_sdk_but_for_its_last_condition(load_example: Callable[[str], Any], tmp_path: Path) -> None:
    """Sub-pipelines in a fan-out, a fan-in into a branch, if/elif/else with `dsl.OneOf`, tuple outputs.

    The last `if overall > record and not mode == "short"` has no single-condition spelling in
    the kfp SDK (no `and`/`not` on channels), so that one task is left out of the comparison.
    """
    ours = canonical(KfpBackend().emit(load_example("weekly_report", optimize=False), {}).files["weekly_report.yaml"].decode())
    last = ours["dag"].pop("cond[announce-2]")
    assert last["trigger"] == "{combine.output} > {param:record} && {param:mode} != 'short'"
    assert last["deps"] == ["archive"]  # `with after(done)` inside the branch waits at the condition
    theirs = canonical(_sdk_text("weekly_report", tmp_path))
    assert json.dumps(ours, indent=1, sort_keys=True) == json.dumps(theirs, indent=1, sort_keys=True)


def test_grid_search_matches_the_kfp_sdk_but_for_its_condition(load_example: Callable[[str], Any], tmp_path: Path) -> None:
    """A nested fan-out collected into a list of lists, NamedTuple fields, tuple outputs.

    `if best < floor or count in [0, 1]` has no kfp SDK spelling (no `or`, no `in` on
    channels), so that task is checked on its own.
    """
    ours = canonical(KfpBackend().emit(load_example("grid_search", optimize=False), {}).files["grid_search.yaml"].decode())
    condition = ours["dag"].pop("cond[alert]")
    assert condition["trigger"] == (
        "{summarize-grid.best} < {param:floor} || int({summarize-grid.runs}) == 0 || int({summarize-grid.runs}) == 1"
    )
    assert condition["deps"] == ["summarize-grid"]
    theirs = canonical(_sdk_text("grid_search", tmp_path))
    assert json.dumps(ours, indent=1, sort_keys=True) == json.dumps(theirs, indent=1, sort_keys=True)
