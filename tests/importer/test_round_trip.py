"""Import round trip: a public-style pipeline run with its own SDK's local runner, and the
same pipeline imported into flowc, compiled and run on the same engine, give the same result.

Sources are in tests/importer/sources/ (each names the public sample it is modeled on).
KFP: the original runs under kfp.local's SubprocessRunner (use_venv=False, offline); the
import is compiled by flowc's KFP backend and run by the conformance suite's kfp.local runner.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from flowc.importer import import_paths

SOURCES = Path(__file__).parent / "sources"

# (source file, pipeline function, arguments): modeled on kfp samples, see each file's header.
KFP_CASES = [
    ("kfp_producer_consumer.py", "producer_consumer", {"text": "round trip"}),
    ("kfp_condition.py", "flip_and_say", {"seed": 3}),
    ("kfp_collected.py", "collecting_parameters", {"model_ids": "a,b,c,d"}),
    ("kfp_artifacts.py", "artifacts_pipeline", {"message": "hi", "factor": 3.0}),
    ("kfp_named_tuples.py", "named_tuples", {"a": 1.5, "b": 4.0}),
    ("kfp_retry_after.py", "retry_after", {"message": "round"}),
    ("kfp_container.py", "containers", {"name": "flowc"}),
]


def _original_kfp(source: str, pipeline: str, args: dict[str, Any], workdir: Path) -> Any:
    """Run the original with the kfp SDK's own local runner (this test imports the original: it is the reference)."""
    from kfp import local

    from tests.backends.kfp.local_run import lifted_guard

    local.init(runner=local.SubprocessRunner(use_venv=False), pipeline_root=str(workdir / "original"))
    sys.path.insert(0, str(SOURCES))
    try:
        module = importlib.import_module(Path(source).stem)
        with lifted_guard():  # kfp.local runs only Python components; container ones run as subprocesses here
            return getattr(module, pipeline)(**args).output
    finally:
        sys.path.remove(str(SOURCES))


def _imported(source: str, tmp_path: Path) -> Path:
    """`source` imported into flowc (no error diagnostics), written under `tmp_path`."""
    (result,) = import_paths([SOURCES / source], "kfp")
    assert result.text is not None and not [d for d in result.diagnostics if d.is_error]
    imported = tmp_path / "imported" / source
    imported.parent.mkdir()
    imported.write_text(result.text, encoding="utf-8")
    return imported


@pytest.mark.engine
@pytest.mark.parametrize(("source", "pipeline", "args"), KFP_CASES, ids=[c[0] for c in KFP_CASES])
def test_kfp_round_trip(source: str, pipeline: str, args: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conformance.runners.kfp import run

    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    expected = _original_kfp(source, pipeline, args, tmp_path)

    loaded = api.load([_imported(source, tmp_path)])
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    got = run(loaded.program, pipeline, args, tmp_path / "flowc")
    assert got.outputs["output"] == expected


@pytest.mark.engine
def test_kfp_exit_handler_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`dsl.ExitHandler` + `PipelineTaskFinalStatus` -> try/finally + RunStatus: on kfp.local the
    imported exit step runs after a failed body too and records what the original's did."""
    from tests.conformance.runners.kfp import run

    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    source, pipeline = "kfp_exit_handler.py", "final_status"
    original = {"message": "fail", "record": str(tmp_path / "original.json")}
    with pytest.raises(RuntimeError, match="FAILURE"):
        _original_kfp(source, pipeline, original, tmp_path)
    expected = _recorded(Path(original["record"]))
    assert expected["state"] == "FAILED" and expected["failed"] and expected["error"] == "Task <group> failed.", expected

    loaded = api.load([_imported(source, tmp_path)])
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    got = run(loaded.program, pipeline, {**original, "record": str(tmp_path / "imported.json")}, tmp_path / "flowc")
    assert got.error is not None and got.ran["exit_op"] == 1, got
    assert _recorded(tmp_path / "imported.json") == expected


def _recorded(path: Path) -> dict[str, Any]:
    """What the exit step recorded, the KFP group in its error (`exit-handler-1`, flowc's `try-1`) left out."""
    found: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    found["error"] = re.sub(r"^Task \S+ failed", "Task <group> failed", found["error"] or "")
    return found
