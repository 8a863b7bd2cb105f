"""The cache is safe to share: whole entries or none, signed, and a broken one is rebuilt."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import pytest

from flowc.cli import main
from flowc.incremental import store
from tests.incremental.project import write_project


def _entries() -> list[Path]:
    return sorted(Path(os.environ["FLOWC_CACHE_DIR"]).glob("check-*.json"))


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("FLOWC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "cache"


@pytest.mark.parametrize("damage", [b"", b"garbage", b"0" * 64 + b"\n{}", None])
def test_a_corrupt_or_forged_entry_is_ignored_and_rebuilt(damage: bytes | None, own_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_project(tmp_path / "project")
    assert main(["check", "project"]) == 0
    expected = capsys.readouterr()
    [entry] = _entries()
    data = entry.read_bytes()
    signature, _, body = data.partition(b"\n")
    # None: a well-formed entry whose body was edited (its output changed) without the user's key
    entry.write_bytes(damage if damage is not None else signature + b"\n" + body.replace(b": ok", b": forged"))
    assert main(["check", "project"]) == 0
    assert capsys.readouterr() == expected
    assert entry.read_bytes().partition(b"\n")[0] != b"0" * 64  # written again, signed


def test_the_project_cache_is_never_committed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delenv("FLOWC_CACHE_DIR")
    (tmp_path / "pyproject.toml").write_text("[tool.flowc]\n")
    write_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "project"]) == 0
    assert (tmp_path / ".flowc" / ".gitignore").read_text().splitlines()[-1] == "*"
    assert len(list((tmp_path / ".flowc" / "cache").glob("check-*.json"))) == 1


def test_a_project_it_cannot_write_keeps_its_cache_in_the_user_cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLOWC_CACHE_DIR")
    project = tmp_path / "ro"
    project.mkdir()
    (project / ".flowc").write_text("not a folder")  # as unwritable as a read-only checkout, even for root
    store.save(project, "check-x", {"units": []})
    assert store.load(project, "check-x") == {"units": []}
    assert list((store.user_cache_dir() / "projects").glob("*/check-x.json"))


def _write_many(folder: str, n: int) -> None:
    os.environ["FLOWC_CACHE_DIR"] = folder
    for i in range(n):
        store.save(Path(folder), "check-shared", {"writer": os.getpid(), "i": i, "pad": "x" * 200_000})


def test_concurrent_writers_never_leave_a_partial_entry(own_cache: Path) -> None:
    store.save(own_cache, "check-shared", {"writer": 0, "i": 0, "pad": ""})  # the key exists before the race
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(own_cache), 40)) for _ in range(3)]
    for w in writers:
        w.start()
    seen = 0
    while any(w.is_alive() for w in writers):
        entry = store.load(own_cache, "check-shared")
        assert entry is not None and set(entry) == {"writer", "i", "pad"}
        seen += 1
    for w in writers:
        w.join()
        assert w.exitcode == 0
    assert seen > 0 and not list(own_cache.glob(".tmp-*"))


def test_a_signed_entry_of_another_shape_is_rebuilt(own_cache: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry of ours in a shape this flowc does not read (an older layout): checked again, never a crash."""
    write_project(tmp_path / "project")
    assert main(["check", "project"]) == 0
    expected = capsys.readouterr()
    [entry] = _entries()
    name = entry.stem
    data = store.load(own_cache, name)
    assert data is not None
    for unit in data["units"]:
        del unit["names"]
    data["outputs"]["text"]["events"] = [[1, "half"], ["not an event"]]
    store.save(own_cache, name, data)
    assert main(["check", "project"]) == 0
    assert capsys.readouterr() == expected
    assert main(["check", "project"]) == 0  # and stored right again
    assert capsys.readouterr() == expected


def test_without_a_pyproject_nothing_is_written_beside_the_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FLOWC_CACHE_DIR")
    write_project(tmp_path / "project")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "project"]) == 0
    assert main(["check", "project"]) == 0
    assert not list(tmp_path.rglob(".flowc"))
    assert len(list((store.user_cache_dir() / "projects").glob("*/check-*.json"))) >= 1
