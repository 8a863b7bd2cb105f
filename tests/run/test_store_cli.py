"""`flowc runs` and `flowc show RUN_ID` over a store written as the runner writes it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from flowc.cli.app import main
from flowc.run.records import StepRecord
from flowc.run.store import RunStore


@pytest.fixture
def store(tmp_path: Path) -> tuple[Path, str, str]:
    """Two runs: the first fails in a loop, the second reuses its `load` from the cache."""
    root = tmp_path / "store"
    with RunStore.open(root) as store:
        first = store.begin_run("churn", "examples/churn.py", {"uri": "x.csv"})
        folder = store.artifact_dir(first, "load")
        (folder / "data.csv").write_text("x\n")
        now = time.time()
        store.record_step(first, StepRecord(
            path="load", name="load", state="succeeded", step_key="k", inputs_digest="d",
            outputs={"rows": 3}, artifacts={"output": folder / "data.csv"}, started=now, ended=now + 1.5,
        ))
        store.record_step(first, StepRecord(
            path="loop_1/0/train", name="train", state="failed", error="ValueError: bad lr",
            log="epoch 1\nepoch 2\n", started=now, ended=now + 0.25, attempts=3,
        ))
        store.finish_run(first, "failed")
        second = store.begin_run("churn", "examples/churn.py", {"uri": "x.csv"})
        hit = store.cached("k", "d")
        assert hit is not None
        store.record_step(second, StepRecord(
            path="load", name="load", state="cached", step_key="k", inputs_digest="d",
            outputs=hit.outputs, artifacts=hit.artifacts,
        ))
        store.record_step(first, StepRecord(path="score", name="score", state="succeeded", step_key="s",
                                            inputs_digest="d", outputs={"output": 0.9}, started=now, ended=now + 2))
        store.record_step(second, StepRecord(path="score", name="score", state="cached", step_key="s", inputs_digest="d",
                                             outputs={"output": 0.9}, started=now + 3, ended=now + 3))
        store.finish_run(second, "succeeded")
    return root, first, second


def test_runs_lists_each_run_with_its_state_and_step_counts(store: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, first, second = store
    assert main(["runs", "--store", str(root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["RUN", "PIPELINE", "STATE", "STARTED", "DURATION", "STEPS"]
    assert lines[1].startswith(second) and "succeeded" in lines[1] and "0 ok, 0 failed, 2 cached" in lines[1]
    assert lines[2].startswith(first) and "failed" in lines[2] and "2 ok, 1 failed, 0 cached" in lines[2]
    assert main(["runs", "--store", str(root), "--format", "json", "-n", "1"]) == 0
    (data,) = json.loads(capsys.readouterr().out)
    assert (data["id"], data["state"], data["counts"]["cached"]) == (second, "succeeded", 2)


def test_show_tells_steps_cache_hits_outputs_artifacts_and_failures(store: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]) -> None:
    root, first, second = store
    assert main(["show", first[:-2], "--store", str(root)]) == 0
    out = capsys.readouterr().out
    assert "loop_1/0/train  train  failed" in out and "ValueError: bad lr" in out and "| epoch 2" in out
    assert "load: rows = 3" in out
    assert f"load: output -> {root / 'artifacts' / first / 'load' / 'data.csv'}" in out
    assert main(["show", "latest", "--store", str(root)]) == 0
    out = capsys.readouterr().out
    assert "load   load   cached" in out and out.count(f"cache hit from {first}") == 2  # by its files; by key and time
    assert main(["show", second, "--store", str(root), "--format", "json"]) == 0
    step, score = json.loads(capsys.readouterr().out)["steps"]
    assert (step["state"], step["computed_by"], score["computed_by"]) == ("cached", first, first)
    assert Path(step["artifacts"]["output"]).read_text() == "x\n"


def test_show_of_an_unknown_run_or_an_empty_store_is_a_message_not_a_traceback(
    store: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root, _, _ = store
    assert main(["show", "1999", "--store", str(root)]) == 1
    assert "no run in" in capsys.readouterr().err
    assert main(["show", "2", "--store", str(root)]) == 1
    assert "2 runs" in capsys.readouterr().err
    assert main(["show", "latest", "--store", str(tmp_path / "none")]) == 1
    assert "no runs in" in capsys.readouterr().err
    assert main(["runs", "--store", str(tmp_path / "none")]) == 0
    assert "no runs yet" in capsys.readouterr().out
    assert not (tmp_path / "none").exists()  # reading never creates a store


def test_the_store_comes_from_tool_flowc_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.flowc]\nstore = "var/runs"\n')
    with RunStore.open(tmp_path / "var" / "runs") as store:
        run_id = store.begin_run("p", "p.py", {})
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["runs"]) == 0
    assert run_id in capsys.readouterr().out
