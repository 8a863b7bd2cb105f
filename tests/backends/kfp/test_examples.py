"""Every example compiled for KFP: accepted by kfp's own parsers and loaders; snapshots pin the text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from flowc.backends.base import entry_pipelines
from flowc.backends.kfp.backend import KfpBackend
from flowc.ir.model import Pipeline, Program
from flowc.ir.types import Type
from tests.backends.kfp import hand_ir
from tests.backends.kfp.kfp_check import documents, reference_problems, strict_parse
from tests.conftest import EXAMPLE_FILES

KFP_TYPES = {"str": "String", "int": "Integer", "float": "Float", "bool": "Boolean", "list": "List", "dict": "Dict"}
HAND_BUILT: dict[str, Callable[[], Program]] = {
    "mini_churn": hand_ir.mini_churn, "mini_report": hand_ir.mini_report, "mini_grid": hand_ir.mini_grid,
    "mini_literal": hand_ir.mini_literal, "outer_value_in_loop": hand_ir.outer_value_in_loop,
    "loop_over_field": hand_ir.loop_over_field, "dataclass_helper": hand_ir.dataclass_helper,
    "with_packages": hand_ir.with_packages,
}


def _programs(load_example: Callable[[str], Any]) -> dict[str, Program]:
    programs = {name: load_example(name) for name in sorted(EXAMPLE_FILES)}
    programs.update({name: build() for name, build in HAND_BUILT.items()})
    return programs


@pytest.fixture(scope="module")
def compiled(load_example: Callable[[str], Any]) -> dict[tuple[str, str], tuple[Program, Pipeline, str]]:
    out: dict[tuple[str, str], tuple[Program, Pipeline, str]] = {}
    for name, program in _programs(load_example).items():
        result = KfpBackend().emit(program, {})
        scheduled = {p.name for p in entry_pipelines(program) if p.schedule}
        assert [(d.code, d.severity) for d in result.diagnostics] == [("FLC505", "warning")] * len(scheduled), result.diagnostics
        for pipeline in entry_pipelines(program):
            out[(name, pipeline.name)] = (program, pipeline, result.files[f"{pipeline.name}.yaml"].decode())
    return out


CASES = [(n, p) for n, p in [
    ("batch_inference", "batch_inference"), ("churn", "churn"), ("feature_etl", "feature_etl"),
    ("grid_search", "grid_search"), ("weekly_report", "region_report"), ("weekly_report", "weekly_report"),
    ("mini_churn", "mini_churn"), ("mini_grid", "mini_grid"), ("mini_literal", "mini_literal"), ("mini_report", "mini_report"),
    ("outer_value_in_loop", "outer_value_in_loop"), ("loop_over_field", "loop_over_field"),
    ("dataclass_helper", "dataclass_helper"), ("with_packages", "with_packages"),
]]


def test_every_entry_pipeline_is_covered(compiled: dict[tuple[str, str], Any]) -> None:
    assert sorted(compiled) == sorted(CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c[1])
def test_spec_is_valid_for_kfp(compiled: dict[tuple[str, str], Any], case: tuple[str, str], tmp_path: Path) -> None:
    from kfp import components

    _, pipeline, text = compiled[case]
    strict_parse(text)
    spec, platform = documents(text)
    assert reference_problems(spec, platform) == []
    path = tmp_path / "spec.yaml"
    path.write_text(text)
    # What kfp.Client().create_run_from_pipeline_package reads the file with, up to the HTTP call.
    from kfp.client.client import _extract_pipeline_yaml  # pyright: ignore[reportPrivateUsage]

    package = _extract_pipeline_yaml(str(path)).to_dict()
    assert ("pipeline_spec" in package) == (platform is not None)
    loaded = components.load_component_from_file(str(path))
    inputs = {name: spec.type for name, spec in (loaded.component_spec.inputs or {}).items()}
    outputs = {name: spec.type for name, spec in (loaded.component_spec.outputs or {}).items()}
    assert inputs == {p.name: _kfp_type(p.type) for p in pipeline.params}
    key = {"output": "Output"}
    assert outputs == {key.get(o.name, o.name): _kfp_type(o.type) for o in pipeline.outputs}


def _kfp_type(t: Type) -> str:
    if t.kind == "optional":
        return _kfp_type(t.inner)  # pyright: ignore[reportAttributeAccessIssue]
    if t.kind == "artifact":
        return f"system.{t.name}@0.0.1"  # pyright: ignore[reportAttributeAccessIssue]
    return KFP_TYPES[t.name if t.kind == "scalar" else t.kind]  # pyright: ignore[reportAttributeAccessIssue]


@pytest.mark.parametrize("case", CASES[:6], ids=lambda c: c[1])
def test_snapshot(compiled: dict[tuple[str, str], Any], case: tuple[str, str], snapshot: Any) -> None:
    assert compiled[case][2] == snapshot
