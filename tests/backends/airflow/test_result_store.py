"""The result cache's runtime (runtime/result_cache.py) alone, without Airflow: keys and the store.

The runtime is text pasted into DAG files; these tests execute that same text with the
few names a DAG file gives it, so they exercise exactly what workers run.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from flowc.backends.airflow.sources import result_cache_source

TASK: dict[str, Any] = {
    "kind": "python",
    "inputs": [["rate", ["float"]], ["n", ["int"]], ["data", ["artifact", "Dataset"]], ["tags", ["list", ["str"]]]],
    "outputs": [["model", ["artifact", "Model"]], ["score", ["float"]]],
    "env": [],
}


class _Ti:
    task_id = "train"


def _runtime(store: Path, scratch: Path, calls: list[dict[str, Any]]) -> dict[str, Any]:
    """The pasted runtime with a DAG file's names: one task `train` that writes a model file."""

    def execute(task_name: str, inputs: dict[str, Any], ti: Any) -> dict[str, Any]:
        calls.append(inputs)
        out = scratch / f"run-{len(calls)}" / "model"
        out.parent.mkdir(parents=True)
        out.write_text("weights %s" % inputs["n"])
        return {"model": {"path": str(out), "uri": str(out), "metadata": {"acc": 0.9}}, "score": 0.5}

    def scratch_of(ti: Any) -> str:
        return str(scratch / "step")

    namespace: dict[str, Any] = {
        "_FLOWC_RESULT_CACHE": str(store), "_FLOWC_TASKS": {"train": TASK},
        "_flowc_scratch": scratch_of, "_flowc_execute": execute,
    }
    exec(compile(result_cache_source(), "<result cache>", "exec"), namespace)
    return namespace


def _inputs(data: Path, rate: Any = 0.5, n: Any = 3) -> dict[str, Any]:
    return {"rate": rate, "n": n, "data": {"path": str(data), "uri": str(data), "metadata": {}}, "tags": ["a"]}


def _cached(rt: dict[str, Any], step: dict[str, Any], inputs: dict[str, Any]) -> Any:
    """A step through the cache, as python mode runs it (kubernetes mode: its pod instead of `_flowc_execute`)."""
    return rt["_flowc_cached_task"](step, inputs, _Ti(), lambda: rt["_flowc_execute"](step["task"], inputs, _Ti()))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    path = tmp_path / "run-a" / "data.csv"
    path.parent.mkdir()
    path.write_text("x\n1\n")
    return path


def test_the_key_types_values_as_declared_and_reads_artifacts_by_content(tmp_path: Path, data: Path) -> None:
    rt = _runtime(tmp_path / "store", tmp_path, [])
    key = rt["_flowc_result_key"]
    base = key("step-1", TASK, _inputs(data))
    # XCom on SQLite gives a whole float back as an int: 1 and 1.0 are one float input.
    assert key("step-1", TASK, _inputs(data, rate=1)) == key("step-1", TASK, _inputs(data, rate=1.0))
    copy = tmp_path / "run-b" / "other-name.csv"
    copy.parent.mkdir()
    copy.write_bytes(data.read_bytes())
    assert key("step-1", TASK, _inputs(copy)) == base  # another run's path, the same content
    copy.write_text("x\n2\n")
    changed = [key("step-1", TASK, _inputs(copy)), key("step-2", TASK, _inputs(data)), key("step-1", TASK, _inputs(data, n=4))]
    assert len({base, *changed}) == 4


def test_a_folder_artifact_counts_by_its_files_names_and_contents(tmp_path: Path) -> None:
    rt = _runtime(tmp_path / "store", tmp_path, [])
    folder = tmp_path / "ds"
    (folder / "part").mkdir(parents=True)
    (folder / "part" / "a").write_text("1")
    first = rt["_flowc_content_hash"](str(folder))
    (folder / "part" / "a").rename(folder / "part" / "b")
    assert rt["_flowc_content_hash"](str(folder)) != first


def test_a_stored_result_is_returned_with_its_artifacts_copied_into_the_new_scratch(tmp_path: Path, data: Path) -> None:
    calls: list[dict[str, Any]] = []
    rt = _runtime(tmp_path / "store", tmp_path, calls)
    step = {"task": "train", "cache": "step-1"}
    first = _cached(rt, step, _inputs(data))
    again = _cached(rt, step, _inputs(data))
    assert len(calls) == 1
    assert again["score"] == first["score"] and again["model"]["metadata"] == {"acc": 0.9}
    restored = Path(again["model"]["path"])
    assert restored.is_relative_to(tmp_path / "step") and restored.name == "model"
    assert again["model"]["uri"] == str(restored) and restored.read_text() == "weights 3"


def test_concurrent_workers_store_one_complete_entry(tmp_path: Path, data: Path) -> None:
    store = tmp_path / "store"
    rt = _runtime(store, tmp_path, [])
    outputs = rt["_flowc_execute"]("train", _inputs(data), _Ti())
    entry = rt["_flowc_result_entry"]("ab" + "0" * 62)
    gate = threading.Barrier(8)

    def store_it() -> None:
        gate.wait()
        rt["_flowc_result_store"](entry, TASK, outputs)

    workers = [threading.Thread(target=store_it) for _ in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert sorted(p.name for p in (store / "ab").iterdir()) == ["ab" + "0" * 62]  # no temporary folder left
    found = rt["_flowc_result_load"](entry, TASK, str(tmp_path / "reader"))
    assert found is not None and Path(found[0]["model"]["path"]).read_text() == "weights 3"


def test_an_unreadable_entry_is_a_miss_and_an_unwritable_store_only_warns(tmp_path: Path, data: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    calls: list[dict[str, Any]] = []
    rt = _runtime(blocker / "store", tmp_path, calls)
    step = {"task": "train", "cache": "step-1"}
    assert _cached(rt, step, _inputs(data))["score"] == 0.5
    assert "the result is not stored" in capsys.readouterr().out
    broken = tmp_path / "entry"
    broken.mkdir()
    (broken / "result.json").write_text("{not json")
    assert rt["_flowc_result_load"](str(broken), TASK, str(tmp_path / "s")) is None


def test_a_store_that_fails_midway_leaves_no_entry(tmp_path: Path, data: Path) -> None:
    store = tmp_path / "store"
    rt = _runtime(store, tmp_path, [])
    outputs = rt["_flowc_execute"]("train", _inputs(data), _Ti())
    entry = rt["_flowc_result_entry"]("cd" + "0" * 62)
    real_copy = rt["_flowc_copy"]

    def copy_then_fail(source: str, dest: str) -> None:
        real_copy(source, dest)  # the artifact is written, then the worker dies (disk full, killed)
        raise OSError(28, "No space left on device")

    rt["_flowc_copy"] = copy_then_fail
    rt["_flowc_result_store"](entry, TASK, outputs)
    assert list((store / "cd").iterdir()) == []  # neither the entry nor its temporary folder


def test_a_result_whose_output_artifact_the_worker_cannot_see_is_not_stored(tmp_path: Path, data: Path) -> None:
    rt = _runtime(tmp_path / "store", tmp_path, [])
    entry = rt["_flowc_result_entry"]("ef" + "0" * 62)
    elsewhere: dict[str, Any] = {"path": "/on/a/volume/only/pods/mount", "uri": "/on/a/volume/only/pods/mount", "metadata": {}}
    rt["_flowc_result_store"](entry, TASK, {"model": elsewhere, "score": 1.0})
    assert list((tmp_path / "store" / "ef").iterdir()) == []
