from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from flowc.codegen import files
from flowc.codegen.yaml_text import dump_yaml


def test_yaml_is_deterministic_and_faithful() -> None:
    data = {"b": [1, 2.0, "x: y"], "a": {"multi": "line1\nline2\n", "quote": "'\""}, "same": [{"k": 1}, {"k": 1}]}
    text = dump_yaml(data)
    assert text == dump_yaml(data)
    assert yaml.safe_load(text) == data
    assert "&" not in text and "*id" not in text  # no anchors or aliases
    assert text.index("b:") < text.index("a:")  # insertion order kept


def test_write_all_writes_every_file(tmp_path: Path) -> None:
    written = files.write_all(tmp_path, {"a.yaml": b"1", "sub/b.py": b"2"})
    assert [p.read_bytes() for p in written] == [b"1", b"2"]
    assert not list(tmp_path.rglob("*.tmp"))


def test_failed_write_leaves_old_outputs_and_no_partial_files(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.yaml").write_bytes(b"old")
    real_fsync = files.os.fsync
    calls = {"n": 0}

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(files.os, "fsync", failing_fsync)
    with pytest.raises(OSError):
        files.write_all(tmp_path, {"a.yaml": b"new", "b.yaml": b"new"})
    assert (tmp_path / "a.yaml").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_unchanged_files_are_not_rewritten(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    files.write_all(tmp_path, {"a.yaml": b"same"})
    before = target.stat().st_mtime_ns
    files.write_all(tmp_path, {"a.yaml": b"same"})
    assert target.stat().st_mtime_ns == before
