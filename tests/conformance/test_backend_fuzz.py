"""Random valid pipelines through every backend: each emits files or located
diagnostics, never an exception, and the same program always gives the same bytes.
Generated Python must at least compile and generated YAML must load.

And random runnable pipelines (`fuzz_programs.py`) give plain Python's results on
flytekit's local execution (the fastest engine here) with and without the optimizer's
passes. Each day runs other seeds; `FLOWC_FUZZ_SEED=<seed>` runs the seeds from <seed>
on (a failure names its seed)."""

from __future__ import annotations

import ast
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
import yaml

from flowc import api
from flowc.ir.model import Program
from tests.conformance.catalogue import Entry, reference
from tests.conformance.compare import close
from tests.conformance.fuzz_programs import fuzz_source, pipeline_name
from tests.conformance.runners import flyte
from tests.conformance.variants import OPTIMIZED, UNOPTIMIZED, merged_tasks, runs_differ, same_ir, variant_id
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


RUNNABLE = 6  # generated programs run per test session


def first_seed() -> int:
    """`FLOWC_FUZZ_SEED`, else a seed of today's (UTC) date: each day's runs cover other programs."""
    return int(os.environ.get("FLOWC_FUZZ_SEED") or datetime.now(UTC).date().toordinal() * RUNNABLE)


def _load(path: Path, optimize: bool) -> Program:
    loaded = api.load([path], optimize=optimize)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


@pytest.mark.engine
@pytest.mark.parametrize("index", range(RUNNABLE), ids=lambda i: f"program{i}")
def test_random_pipeline_gives_plain_python_results_with_and_without_passes(index: int, tmp_path: Path) -> None:
    seed = first_seed() + index
    path = tmp_path / f"{pipeline_name(seed)}.py"
    path.write_text(fuzz_source(seed), encoding="utf-8")
    programs = {optimize: _load(path, optimize) for optimize in (UNOPTIMIZED, OPTIMIZED)}
    want = reference(Entry(name=pipeline_name(seed), area="fuzz", path=path), {})
    for optimize, program in programs.items():
        got = flyte.run(program, pipeline_name(seed), {}, tmp_path / f"run{variant_id(optimize)}")
        where = f"seed {seed}{variant_id(optimize)}: FLOWC_FUZZ_SEED={seed - index}"
        assert got.outputs.keys() == want.outputs.keys(), (where, got.outputs)
        assert all(close(got.outputs[k], want.outputs[k]) for k in want.outputs), (where, got.outputs, want.outputs)
        merged = merged_tasks(program, programs[UNOPTIMIZED]) | cached_tasks(program)
        assert not runs_differ(want.ran, got.ran, merged), (where, "runs (plain Python, engine)", dict(want.ran), dict(got.ran))


def cached_tasks(program: Program) -> frozenset[str]:
    """Pure tasks: flytekit's local cache serves a repeated call with the same input, with or
    without the optimizer, so such a task may run less often than in plain Python (never 0 times)."""
    return frozenset(t.name for t in program.tasks if t.options.cache)


def test_generated_pipelines_give_the_optimizer_work(tmp_path: Path) -> None:
    """Most generated programs are changed by the passes, so the engine runs above compare something."""
    changed = 0
    for seed in range(40):
        path = tmp_path / f"{pipeline_name(seed)}.py"
        path.write_text(fuzz_source(seed), encoding="utf-8")
        changed += not same_ir(_load(path, OPTIMIZED), _load(path, UNOPTIMIZED))
    assert changed >= 20, changed
