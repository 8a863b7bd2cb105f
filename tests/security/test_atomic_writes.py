"""All files of a compile replace the old ones together or none do (issue 8 #5).

Failures while renaming roll back what was renamed; temporary files go away on every
exit path Python sees (errors, SIGINT, SIGTERM) and are swept by the next write; a
process that dies in the middle of the renames is rolled back by the next write.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from flowc.cli import main
from flowc.codegen.files import TEMP_MARK, WriteFailed, write_all
from tests.security.children import start

ROOT = Path(__file__).resolve().parents[2]

PIPELINE = textwrap.dedent(
    """\
    from flowc import pipeline, task


    @task(image="python:3.12-slim")
    def hello(x: int = 1) -> int:
        return x


    @pipeline
    def p(x: int = {default}) -> int:
        return hello(x=x)
    """
)


def _leftovers(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if TEMP_MARK in p.name]


def _contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_failing_rename_rolls_back_the_renames_done(tmp_path: Path) -> None:
    write_all(tmp_path, {"a.yaml": b"old a", "b.yaml": b"old b"})
    (tmp_path / "c.yaml").mkdir()  # renamed last (sorted order): fails after a and b were replaced
    with pytest.raises(WriteFailed) as caught:
        write_all(tmp_path, {"a.yaml": b"new a", "b.yaml": b"new b", "c.yaml": b"new c"})
    assert caught.value.path == tmp_path / "c.yaml"  # the file, not the folder
    assert _contents(tmp_path) == {"a.yaml": b"old a", "b.yaml": b"old b"}
    assert _leftovers(tmp_path) == []


def test_compile_reports_the_file_that_failed_and_keeps_every_old_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "p.py"
    out = tmp_path / "out"
    source.write_text(PIPELINE.format(default=1))
    assert main(["compile", str(source), "-t", "airflow,flyte", "-o", str(out)]) == 0
    old = _contents(out)
    (out / "kfp" / "p.yaml").mkdir(parents=True)  # kfp/ sorts after airflow/ and flyte/
    source.write_text(PIPELINE.format(default=2))
    assert main(["compile", str(source), "-t", "all", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "FLC803" in err and f"cannot write {out / 'kfp' / 'p.yaml'}:" in err
    assert _contents(out) == old
    assert _leftovers(out) == []


def test_temp_files_of_an_earlier_run_are_swept(tmp_path: Path) -> None:
    (tmp_path / "kfp").mkdir()
    stale = [tmp_path / "kfp" / f".p.yaml{TEMP_MARK}0123abcd", tmp_path / f".flowc-journal{TEMP_MARK}x"]
    for path in stale:
        path.write_text("junk")
    keep = tmp_path / "kfp" / ".p.yaml.tmp"  # not flowc's pattern: someone else's file
    keep.write_text("theirs")
    write_all(tmp_path, {"kfp/p.yaml": b"new"})
    assert _leftovers(tmp_path) == [] and keep.read_text() == "theirs"


def test_unchanged_files_keep_their_mtime_and_changed_ones_are_replaced(tmp_path: Path) -> None:
    write_all(tmp_path, {"a.yaml": b"same", "b.yaml": b"one"})
    before = (tmp_path / "a.yaml").stat().st_mtime_ns
    write_all(tmp_path, {"a.yaml": b"same", "b.yaml": b"two"})
    assert (tmp_path / "a.yaml").stat().st_mtime_ns == before
    assert (tmp_path / "b.yaml").read_bytes() == b"two"


# A child process that compiles with slowed-down file operations, so a test can send a
# signal while it stages (fsync) or while it renames (os.replace). `marker` is created
# when the slow phase starts.
CHILD = textwrap.dedent(
    """\
    import os, sys, time
    phase, marker, *argv = sys.argv[1:]
    real = {"fsync": os.fsync, "replace": os.replace}[phase]
    def slow(*args):
        open(marker, "a").close()
        time.sleep(0.4)
        return real(*args)
    setattr(os, phase, slow)
    from flowc.cli import main
    sys.exit(main(argv))
    """
)


def _run_and_signal(tmp_path: Path, phase: str, signum: int) -> tuple[int, Path, dict[str, bytes]]:
    source = tmp_path / "p.py"
    out = tmp_path / "out"
    source.write_text(PIPELINE.format(default=1))
    assert main(["compile", str(source), "-t", "all", "-o", str(out)]) == 0
    old = _contents(out)
    source.write_text(PIPELINE.format(default=2))
    marker = tmp_path / "marker"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-c", CHILD, phase, str(marker), "compile", str(source), "-t", "all", "-o", str(out)]
    child = start(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not marker.exists() and time.monotonic() < deadline and child.poll() is None:
        time.sleep(0.005)
    assert marker.exists(), child.communicate()[1]
    child.send_signal(signum)
    _, err = child.communicate(timeout=60)
    assert b"Traceback" not in err and b"internal error" not in err, err
    return child.returncode, out, old


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, -signal.SIGTERM)])
def test_a_signal_while_staging_removes_temp_files_and_keeps_old_outputs(tmp_path: Path, signum: int, code: int) -> None:
    returncode, out, old = _run_and_signal(tmp_path, "fsync", signum)
    assert returncode == code
    assert _contents(out) == old
    assert _leftovers(out) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_a_signal_while_renaming_waits_for_the_renames(tmp_path: Path, signum: int) -> None:
    returncode, out, old = _run_and_signal(tmp_path, "replace", signum)
    assert returncode in (130, -signal.SIGTERM)
    new = _contents(out)
    assert new.keys() == old.keys() and all(new[k] != old[k] for k in new)  # every file new, none old
    assert _leftovers(out) == []


DIES_IN_COMMIT = textwrap.dedent(
    """\
    import os, sys
    from pathlib import Path
    from flowc.codegen.files import write_all
    real, calls = os.replace, []
    def dying(src, dst):
        calls.append(dst)
        if len(calls) == 2:
            os._exit(9)  # like SIGKILL: no handler, no finally
        real(src, dst)
    os.replace = dying
    write_all(Path(sys.argv[1]), {"a.yaml": b"new a", "b.yaml": b"new b"})
    """
)


def test_a_process_dying_in_the_renames_is_rolled_back_by_the_next_write(tmp_path: Path) -> None:
    write_all(tmp_path, {"a.yaml": b"old a", "b.yaml": b"old b"})
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    died = subprocess.run([sys.executable, "-c", DIES_IN_COMMIT, str(tmp_path)], env=env, check=False)
    assert died.returncode == 9
    assert (tmp_path / "a.yaml").read_bytes() == b"new a" and (tmp_path / "b.yaml").read_bytes() == b"old b"
    (tmp_path / "c.yaml").mkdir()  # the next write fails too: what remains must be the old set
    with pytest.raises(WriteFailed):
        write_all(tmp_path, {"a.yaml": b"newer", "b.yaml": b"newer", "c.yaml": b"newer"})
    assert _contents(tmp_path) == {"a.yaml": b"old a", "b.yaml": b"old b"}
    assert _leftovers(tmp_path) == []


def test_a_failed_write_removes_the_folders_it_created(tmp_path: Path) -> None:
    (tmp_path / "b" / "y.yaml").mkdir(parents=True)
    with pytest.raises(WriteFailed):
        write_all(tmp_path, {"a/deep/x.yaml": b"x", "b/y.yaml": b"y"})
    assert sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*")) == ["b", "b/y.yaml"]
