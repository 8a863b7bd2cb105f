"""`flowc run`'s prepared programs (`flowc/run/prepared.py`): an unchanged project is not read again,
a changed one always is, and a stored entry never makes anything but IR."""

from __future__ import annotations

import base64
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from flowc.incremental import store
from flowc.run.prepared import load_prepared

TASKS = '''
from flowc import task


@task
def double(x: int) -> int:
    return x * FACTOR


FACTOR = 2
'''

PIPELINE = '''
from flowc import pipeline
from helpers import double


@pipeline
def twice(x: int = 3) -> int:
    return double(x=double(x=x))
'''


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "home-cache"))  # the signing key, private to the test
    monkeypatch.setenv("FLOWC_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "helpers.py").write_text(TASKS, encoding="utf-8")
    (tmp_path / "pipes.py").write_text(PIPELINE, encoding="utf-8")
    return tmp_path


def _load(project: Path, optimize: bool = True):  # noqa: ANN202
    return load_prepared([project / "pipes.py"], root=project, defaults=None, optimize=optimize, pyproject=None)


def _entry(project: Path) -> Path:
    (found,) = (project / "cache").glob("run-*.json")
    return found


def test_an_unchanged_project_is_taken_from_the_cache(project: Path) -> None:
    first, second = _load(project), _load(project)
    assert first.ok and not first.from_cache
    assert second.from_cache and second.program == first.program and second.sources == first.sources
    assert not _load(project, optimize=False).from_cache  # another level: another program


@pytest.mark.parametrize("edited", ["pipes.py", "helpers.py"])
def test_editing_a_file_it_read_reads_again(project: Path, edited: str) -> None:
    before = _load(project)
    path = project / edited
    path.write_text(path.read_text(encoding="utf-8").replace("x: int = 3", "x: int = 4").replace("FACTOR = 2", "FACTOR = 5"), encoding="utf-8")
    after = _load(project)
    assert not after.from_cache and after.program != before.program
    assert _load(project).from_cache


def test_moving_an_imported_module_reads_again(project: Path) -> None:
    _load(project)
    (project / "helpers").mkdir()  # the same text, now a package: the reader's probes answer otherwise
    (project / "helpers.py").rename(project / "helpers" / "__init__.py")
    moved = _load(project)
    assert moved.ok and not moved.from_cache


def test_an_edited_entry_is_not_used(project: Path) -> None:
    _load(project)
    entry = _entry(project)
    entry.write_bytes(entry.read_bytes().replace(b'"probes"', b'"probes" ', 1))
    assert not _load(project).from_cache


def test_a_signed_entry_that_is_not_ir_builds_nothing(project: Path) -> None:
    # Even an entry with a valid signature (the user's own key) only ever builds flowc's IR classes.
    _load(project)
    entry = _entry(project)
    signature, _, body = entry.read_bytes().partition(b"\n")
    assert signature
    data = json.loads(body)
    marker = project / "ran"

    class Payload:
        def __reduce__(self) -> tuple[object, tuple[str, str]]:
            return (open, (str(marker), "w"))

    data["program"] = base64.b64encode(pickle.dumps((Payload(), [], {}))).decode()
    store.save(project, entry.stem, data)
    loaded = _load(project)
    assert not marker.exists()
    assert loaded.ok and not loaded.from_cache


def test_a_second_flowc_run_does_not_read_the_pipeline(project: Path) -> None:
    code = (
        "import sys\n"
        "from flowc.cli.app import main\n"
        "code = main(['run', 'pipes.py', '--store', 'store', '--no-cache'])\n"
        "print('read' if 'libcst' in sys.modules else 'cached', code)\n"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    outputs = [
        subprocess.run([sys.executable, "-c", code], cwd=project, env=env, capture_output=True, text=True, timeout=120).stdout
        for _ in range(2)
    ]
    assert outputs[0].splitlines()[-2:] == ["output = 12", "read 0"]
    assert outputs[1].splitlines()[-2:] == ["output = 12", "cached 0"]
