"""The local runner's store (flowc/run/store.py): records round trip, the step cache, resume plans, ids."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from flowc.run.digest import inputs_digest
from flowc.run.records import RUN_ID, StepRecord, new_run_id
from flowc.run.store import DATABASE, RunStore, StoreError


@pytest.fixture
def store(tmp_path: Path) -> RunStore:
    return RunStore.open(tmp_path / "store")


def _step(store: RunStore, run_id: str, path: str, state: str = "succeeded", key: str = "k", text: str = "x") -> StepRecord:
    folder = store.artifact_dir(run_id, path)
    (folder / "out.txt").write_text(text)
    record = StepRecord(
        path=path, name=path.rsplit("/", 1)[-1], state=state,  # type: ignore[arg-type]
        step_key=key, inputs_digest="d", outputs={"score": 0.5, "tags": ["a"], "n": None},
        artifacts={"out": folder / "out.txt"}, started=time.time(), ended=time.time() + 0.25,
        attempts=2, error=None if state == "succeeded" else "ValueError: no", log="line 1\nline 2\n",
    )
    return store.record_step(run_id, record)


def test_runs_and_steps_round_trip_through_a_reopened_store(tmp_path: Path, store: RunStore) -> None:
    run_id = store.begin_run("churn", "examples/churn.py", {"uri": "x.csv", "lrs": [0.1, 0.2]})
    written = [_step(store, run_id, "load"), _step(store, run_id, "loop_1/0/train", "failed")]
    store.finish_run(run_id, "failed")
    store.close()

    again = RunStore.open(tmp_path / "store")
    assert again.steps(run_id) == written
    (run,) = again.runs()
    assert (run.id, run.pipeline, run.source, run.state) == (run_id, "churn", "examples/churn.py", "failed")
    assert run.params == {"uri": "x.csv", "lrs": [0.1, 0.2]}
    assert (run.counts.succeeded, run.counts.failed, run.counts.total) == (1, 1, 2)
    assert run.duration is not None and run.duration >= 0
    assert written[0].artifacts["out"].read_text() == "x"
    assert RUN_ID.fullmatch(run_id)


def test_ids_sort_by_start_and_a_unique_prefix_or_latest_names_a_run(store: RunStore) -> None:
    ids = [store.begin_run("p", "p.py", {}) for _ in range(3)]
    assert [r.id for r in store.runs()] == sorted(ids, reverse=True)
    assert new_run_id(1795647600.0) < new_run_id(1795647600.002) < new_run_id(1795647601.0)
    assert store.resolve("latest") == max(ids)
    assert store.resolve(ids[0]) == ids[0]
    with pytest.raises(StoreError, match="3 runs"):
        store.resolve(ids[0][:8])
    with pytest.raises(StoreError, match="no run"):
        store.resolve("1999")
    with pytest.raises(StoreError, match="no run"):
        store.resolve("%")


def test_cached_returns_the_newest_succeeded_result_whose_files_exist(store: RunStore) -> None:
    first = store.begin_run("p", "p.py", {})
    old = _step(store, first, "train", text="old")
    second = store.begin_run("p", "p.py", {})
    new = _step(store, second, "train", text="new")
    _step(store, second, "evaluate", state="failed", key="k2")

    hit = store.cached("k", "d")
    assert hit is not None and (hit.run_id, hit.artifacts) == (second, new.artifacts)
    assert hit.outputs == {"score": 0.5, "tags": ["a"], "n": None}
    new.artifacts["out"].unlink()  # a result whose file is gone is no hit; the older one is
    hit = store.cached("k", "d")
    assert hit is not None and hit.artifacts == old.artifacts
    assert store.cached("k", "other inputs") is None
    assert store.cached("k2", "d") is None  # failed steps are never served


def test_a_cached_step_points_at_the_files_of_the_run_that_computed_them(store: RunStore) -> None:
    first = store.begin_run("p", "p.py", {})
    done = _step(store, first, "train")
    second = store.begin_run("p", "p.py", {})
    hit = store.cached("k", "d")
    assert hit is not None
    record = StepRecord(path="train", name="train", state="cached", step_key="k", inputs_digest="d",
                        outputs=hit.outputs, artifacts=hit.artifacts)
    store.record_step(second, record)
    assert store.steps(second)[0].artifacts == done.artifacts
    assert store.runs()[0].counts.cached == 1


def test_an_artifact_written_elsewhere_is_moved_into_the_steps_folder(tmp_path: Path, store: RunStore) -> None:
    run_id = store.begin_run("p", "p.py", {})
    outside = tmp_path / "scratch" / "model.pkl"
    outside.parent.mkdir()
    outside.write_bytes(b"weights")
    folder = tmp_path / "scratch" / "parts"
    (folder / "a").mkdir(parents=True)
    (folder / "a" / "1.csv").write_text("1")
    record = store.record_step(run_id, StepRecord(path="fit", name="fit", state="succeeded",
                                                  artifacts={"model": outside, "parts": folder}))
    model, parts = record.artifacts["model"], record.artifacts["parts"]
    assert model.parent == parts.parent == store.artifact_dir(run_id, "fit")
    assert model.read_bytes() == b"weights" and (parts / "a" / "1.csv").read_text() == "1"
    assert not outside.exists() and not folder.exists()
    assert store.steps(run_id)[0].artifacts == record.artifacts
    # handed on unchanged by a later step: copied, so the first step's record keeps its file
    later = store.record_step(run_id, StepRecord(path="pass", name="pass", state="succeeded", artifacts={"model": model}))
    assert model.read_bytes() == later.artifacts["model"].read_bytes() == b"weights"
    assert later.artifacts["model"].parent == store.artifact_dir(run_id, "pass")


def test_a_succeeded_step_with_a_missing_artifact_is_refused_and_not_recorded(tmp_path: Path, store: RunStore) -> None:
    run_id = store.begin_run("p", "p.py", {})
    record = StepRecord(path="fit", name="fit", state="succeeded", artifacts={"model": tmp_path / "nothing"})
    with pytest.raises(StoreError, match="'model' is not at"):
        store.record_step(run_id, record)
    assert store.steps(run_id) == []


def test_resume_plan_keeps_good_steps_and_artifact_dir_clears_an_interrupted_attempt(store: RunStore) -> None:
    run_id = store.begin_run("p", "p.py", {})
    good = _step(store, run_id, "load")
    _step(store, run_id, "train", state="failed")
    torn = store.artifact_dir(run_id, "evaluate") / "half.bin"  # an attempt killed before its record
    torn.write_bytes(b"\0" * 10)

    assert store.resume_plan(run_id) == {"load": good}
    assert list(store.artifact_dir(run_id, "evaluate").iterdir()) == []
    assert good.artifacts["out"].exists() and store.artifact_dir(run_id, "load") == good.artifacts["out"].parent
    assert good.artifacts["out"].exists()  # a recorded step's folder is never cleared
    store.reopen_run(run_id)
    again = _step(store, run_id, "train")  # recording a step again replaces its record
    assert store.resume_plan(run_id) == {"load": good, "train": again}
    assert [s.path for s in store.steps(run_id)] == ["load", "train"]
    assert store.run(run_id).state == "running"


def test_a_run_whose_process_is_gone_reads_as_interrupted(tmp_path: Path, store: RunStore) -> None:
    run_id = store.begin_run("p", "p.py", {})
    with sqlite3.connect(tmp_path / "store" / DATABASE) as db:
        db.execute("UPDATE runs SET pid = 2147483646")
    assert store.run(run_id).state == "interrupted"


def test_the_database_is_in_wal_mode_with_full_sync(tmp_path: Path, store: RunStore) -> None:
    db = sqlite3.connect(tmp_path / "store" / DATABASE)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert (tmp_path / "store" / ".gitignore").read_text().endswith("*\n")


def test_inputs_digest_types_values_and_reads_artifacts_by_content(tmp_path: Path) -> None:
    (tmp_path / "a").write_text("same")
    (tmp_path / "b").write_text("same")
    (tmp_path / "c").write_text("other")
    specs = {"data": ["artifact", "Dataset"], "n": ["float"], "xs": ["list", ["artifact", "Model"]]}

    def digest(data: str, n: object, xs: list[object]) -> str:
        return inputs_digest({"data": tmp_path / data, "n": n, "xs": xs}, specs)

    assert digest("a", 1, [str(tmp_path / "b")]) == digest("b", 1.0, [{"path": str(tmp_path / "a"), "metadata": {}}])
    assert digest("a", 1, []) != digest("c", 1, [])
    assert digest("a", 1, []) != digest("a", 2, [])
    assert digest("a", 1, [tmp_path / "a"]) != digest("a", 1, [tmp_path / "c"])


def test_ctrl_c_while_recording_leaves_no_row_and_a_usable_store(store: RunStore, monkeypatch: pytest.MonkeyPatch) -> None:
    from flowc.run import store as store_module

    run_id = store.begin_run("p", "p.py", {})
    real = store_module._Transaction.execute  # pyright: ignore[reportPrivateUsage]

    def interrupted(self: object, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        real(self, sql, params)  # type: ignore[arg-type]
        raise KeyboardInterrupt  # after the INSERT, before the COMMIT

    monkeypatch.setattr(store_module._Transaction, "execute", interrupted)  # pyright: ignore[reportPrivateUsage]
    with pytest.raises(KeyboardInterrupt):
        _step(store, run_id, "train")
    monkeypatch.undo()
    assert store.steps(run_id) == []
    assert store.resume_plan(run_id) == {}
    assert _step(store, run_id, "train").state == "succeeded"  # the lock and the connection are free again
