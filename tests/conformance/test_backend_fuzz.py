"""Random valid pipelines through every backend: each emits files or located
diagnostics, never an exception, and the same program always gives the same bytes.
Generated Python must at least compile and generated YAML must load."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from flowc import api
from tests.dsl.test_fuzz import _source  # pyright: ignore[reportPrivateUsage]

TARGETS = [("kfp", {}), ("airflow", {"mode": "python"}), ("airflow", {"mode": "kubernetes"}), ("flyte", {})]


@pytest.fixture(scope="module")
def programs(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[int, api.Loaded]]:
    return _valid_programs(tmp_path_factory.mktemp("fuzz"), 25)


def _valid_programs(tmp_path: Path, wanted: int) -> list[tuple[int, api.Loaded]]:
    found: list[tuple[int, api.Loaded]] = []
    for seed in range(2000):
        path = tmp_path / f"fuzz_{seed}.py"
        path.write_text(_source(seed))
        loaded = api.load([path])
        if loaded.ok and loaded.program.pipelines and loaded.program.pipelines[-1].body:
            found.append((seed, loaded))
            if len(found) == wanted:
                break
    return found


@pytest.mark.parametrize(("target", "options"), TARGETS, ids=lambda v: v if isinstance(v, str) else "")
def test_random_valid_pipelines_emit_cleanly(
    target: str, options: dict[str, str], programs: list[tuple[int, api.Loaded]]
) -> None:
    assert len(programs) >= 10, "the generator should yield enough valid pipelines"
    for seed, loaded in programs:
        first = api.emit(loaded.program, target, options)
        again = api.emit(loaded.program, target, options)
        assert first.files == again.files, seed
        located = [d for d in first.diagnostics if d.is_error]  # a project-wide warning (FLC705) has no place
        assert all(d.span is not None or d.code.startswith("FLC8") for d in located), (seed, first.diagnostics)
        if not [d for d in first.diagnostics if d.is_error]:
            assert first.files, seed
        for name, data in first.files.items():
            if name.endswith(".py"):
                ast.parse(data.decode(), filename=name)
            elif name.endswith(".yaml"):
                spec = next(yaml.safe_load_all(data))
                _strict_pipeline_spec(spec)


def _strict_pipeline_spec(spec: dict[str, object]) -> None:
    """KFP's own protobuf accepts the spec with no unknown field or wrong type."""
    from google.protobuf import json_format
    from kfp.pipeline_spec import pipeline_spec_pb2

    message = pipeline_spec_pb2.PipelineSpec()  # pyright: ignore[reportAttributeAccessIssue] - generated protobuf
    json_format.ParseDict(spec, message, ignore_unknown_fields=False)
