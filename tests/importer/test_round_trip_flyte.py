"""flytekit import round trip: the original workflow and its flowc import, both run by flytekit locally.

Sources: tests/importer/sources/flyte_*.py (modeled on flytesnacks examples). The
original is imported by module name and its workflow called (flytekit's local
execution); the import is compiled by flowc's Flyte backend and run the same way by
the conformance suite's Flyte runner.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.importer import import_paths

SOURCES = Path(__file__).parent / "sources"
CASES = [
    ("flyte_basics.py", "simple_wf", {"x": [1, 2, 4], "y": [3, 5, 9]}),
    ("flyte_map_task.py", "map_workflow", {"data": [1, 80, 3, 99], "threshold": 50}),
    ("flyte_conditional.py", "shape_properties", {"radius": 2.0, "seed": 5}),
    ("flyte_dynamic.py", "count_wf", {"words": ["flowc", "imports", "dynamic"]}),
]


@pytest.mark.engine
@pytest.mark.parametrize(("source", "workflow", "args"), CASES, ids=[c[0] for c in CASES])
def test_flyte_round_trip(source: str, workflow: str, args: dict[str, Any], tmp_path: Path) -> None:
    from tests.backends.flyte.local_run import flyte_sandbox, import_generated, run_workflow
    from tests.conformance.runners.flyte import run

    with flyte_sandbox(tmp_path / "original"):
        expected = run_workflow(import_generated(SOURCES, Path(source).stem), workflow, dict(args))

    (result,) = import_paths([SOURCES / source], "flyte")
    assert result.text is not None
    imported = tmp_path / "imported" / source
    imported.parent.mkdir()
    imported.write_text(result.text, encoding="utf-8")
    loaded = api.load([imported])
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    got = run(loaded.program, workflow, dict(args), tmp_path / "flowc")
    assert got.outputs == expected


@pytest.mark.engine
def test_flyte_on_failure_round_trip(tmp_path: Path) -> None:
    """`@workflow(on_failure=clean_up)` -> try/finally: on flytekit's local run the imported handler runs
    once after a failure (as the original's does) and does nothing after a success."""
    from tests.backends.flyte.local_run import flyte_sandbox, import_generated, run_workflow
    from tests.conformance.runners.flyte import run

    source, workflow = "flyte_on_failure.py", "training"
    original = tmp_path / "original.txt"
    with flyte_sandbox(tmp_path / "original"):
        module = import_generated(SOURCES, Path(source).stem)
        expected_ok = run_workflow(module, workflow, {"fail": False, "record": str(original)})
        with pytest.raises(Exception, match="training on cluster-c1 failed"):
            run_workflow(module, workflow, {"fail": True, "record": str(original)})

    (result,) = import_paths([SOURCES / source], "flyte")
    assert result.text is not None
    imported = tmp_path / "imported" / source
    imported.parent.mkdir()
    imported.write_text(result.text, encoding="utf-8")
    loaded = api.load([imported])
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    record = tmp_path / "imported.txt"
    assert run(loaded.program, workflow, {"fail": False, "record": str(record)}, tmp_path / "ok").outputs == expected_ok
    failed = run(loaded.program, workflow, {"fail": True, "record": str(record)}, tmp_path / "failed")
    assert failed.error is not None and "training on cluster-c1 failed" in failed.error, failed
    assert record.read_text(encoding="utf-8") == original.read_text(encoding="utf-8") == "deleting cluster-c1: failed\n"
