"""What a project folder or a named path may hold, and how the reader answers: never a hang,
an unbounded read or a traceback. Each compile runs the real CLI in a subprocess with a timeout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TIMEOUT = 60
GOOD = "from flowc import pipeline, task\n\n@task\ndef t() -> int: ...\n\n@pipeline\ndef p() -> int:\n    return t()\n"
# Running as root, chmod 000 stops nothing: drop the capabilities that bypass file modes.
DROP_DAC = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-dac_override,-dac_read_search"]


def flowc(*args: str | Path, cwd: Path, drop_dac: bool = False) -> tuple[int, str]:
    """Run `flowc ARGS` and return (exit code, stdout + stderr); a hang fails the test."""
    command = [sys.executable, "-m", "flowc.cli", *(os.fspath(a) for a in args)]
    if drop_dac and os.geteuid() == 0:
        command = [*DROP_DAC, *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, timeout=TIMEOUT, check=False)
    text = done.stdout.decode("utf-8", "replace") + done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "internal error" not in text, text
    return done.returncode, text


def _dac_is_enforced(tmp_path: Path) -> bool:
    if os.geteuid() != 0:
        return True
    if shutil.which("setpriv") is None:
        return False
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0)
    done = subprocess.run([*DROP_DAC, "cat", str(probe)], capture_output=True, timeout=TIMEOUT, check=False)
    return done.returncode != 0


def test_a_fifo_in_a_folder_is_skipped_and_the_check_ends(tmp_path: Path) -> None:
    (tmp_path / "flow.py").write_text(GOOD)
    os.mkfifo(tmp_path / "pipe.py")
    code, text = flowc("check", ".", cwd=tmp_path)
    assert code == 0 and "1 file(s), 1 pipeline(s)" in text, text


def test_a_fifo_given_by_name_is_reported(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.py")
    code, text = flowc("check", "pipe.py", cwd=tmp_path)
    assert code == 1 and "pipe.py:1:1: error[FLC011]: not a regular file: a named pipe" in text, text


def test_a_link_to_dev_zero_is_never_read(tmp_path: Path) -> None:
    (tmp_path / "flow.py").write_text(GOOD)
    (tmp_path / "zero.py").symlink_to("/dev/zero")
    code, text = flowc("check", ".", cwd=tmp_path)
    assert code == 0 and "1 file(s), 1 pipeline(s)" in text, text
    code, text = flowc("check", "zero.py", cwd=tmp_path)
    assert code == 1 and "error[FLC011]: not a regular file: a character device" in text, text


def test_dev_null_exists_but_is_not_a_source_file(tmp_path: Path) -> None:
    code, text = flowc("check", "/dev/null", cwd=tmp_path)
    assert code == 1 and "FLC001" not in text and "/dev/null:1:1: error[FLC011]" in text, text


def test_a_symlink_loop_is_reported_by_name_and_skipped_in_a_folder(tmp_path: Path) -> None:
    (tmp_path / "flow.py").write_text(GOOD)
    (tmp_path / "loop.py").symlink_to("loop.py")
    assert flowc("check", ".", cwd=tmp_path)[0] == 0
    code, text = flowc("check", "loop.py", cwd=tmp_path)
    assert code == 1 and "error[FLC010]: cannot read loop.py" in text, text


def test_a_source_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    from flowc.dsl.reader.files import MAX_SOURCE_BYTES

    big = tmp_path / "pkg" / "big.py"
    big.parent.mkdir()
    with big.open("wb") as f:
        f.write(b"# ")
        f.truncate(MAX_SOURCE_BYTES + 1)  # a sparse file: a comment line of NULs, never parsed
    for shown in ("pkg/big.py", "pkg"):
        code, text = flowc("check", shown, cwd=tmp_path)
        assert code == 1 and f"pkg/big.py:1:1: error[FLC012]: file is larger than flowc's limit of {MAX_SOURCE_BYTES}" in text, text


@pytest.mark.parametrize("command", [["check"], ["ir"], ["compile", "-t", "kfp", "-o", "out"]])
def test_a_file_name_that_is_not_utf8_is_a_diagnostic(tmp_path: Path, command: list[str]) -> None:
    folder = tmp_path / "proj"
    folder.mkdir()
    (folder / os.fsdecode(b"flow\xff.py")).write_bytes(GOOD.encode())
    for given in ("proj", os.fsdecode(b"proj/flow\xff.py")):
        code, text = flowc(*command, given, cwd=tmp_path)
        assert code == 1 and "proj/flow\\xff.py:1:1: error[FLC013]: file name is not valid UTF-8" in text, text
    assert not (tmp_path / "out").exists()


def test_unreadable_files_and_folders_are_reported_in_a_folder_too(tmp_path: Path) -> None:
    if not _dac_is_enforced(tmp_path):
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    (tmp_path / "flow.py").write_text(GOOD)
    (tmp_path / "secret.py").write_text(GOOD.replace("def p", "def q"))
    (tmp_path / "locked").mkdir()
    (tmp_path / "secret.py").chmod(0)
    (tmp_path / "locked").chmod(0)
    try:
        for given in (".", "secret.py"):
            code, text = flowc("check", given, cwd=tmp_path, drop_dac=True)
            assert code == 1 and "secret.py:1:1: error[FLC010]: cannot read" in text and "Permission denied" in text, text
        code, text = flowc("check", ".", cwd=tmp_path, drop_dac=True)
        assert "error[FLC010]: cannot read ./locked: Permission denied" in text, text
    finally:
        (tmp_path / "locked").chmod(0o755)


def test_a_file_in_an_unsearchable_folder_is_unreadable_not_missing(tmp_path: Path) -> None:
    if not _dac_is_enforced(tmp_path):
        pytest.skip("running as root without setpriv: file modes cannot be enforced")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "flow.py").write_text(GOOD)
    (tmp_path / "locked").chmod(0)
    try:
        code, text = flowc("check", "locked/flow.py", cwd=tmp_path, drop_dac=True)
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert code == 1 and "locked/flow.py:1:1: error[FLC010]: cannot read locked/flow.py: Permission denied" in text, text


def test_a_root_that_is_a_symlink_loop_does_not_crash(tmp_path: Path) -> None:
    (tmp_path / "flow.py").write_text(GOOD)
    (tmp_path / "loop").symlink_to("loop")
    code, text = flowc("check", "--root", "loop", "flow.py", cwd=tmp_path)
    assert code == 0 and "1 file(s), 1 pipeline(s)" in text, text


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_checking_proc_ends_with_diagnostics(tmp_path: Path) -> None:
    """`flowc check /proc`: unreadable and odd entries everywhere, no `*.py` file to read."""
    code, text = flowc("check", "/proc", cwd=tmp_path)
    assert code in (0, 1) and "0 file(s)" in text, text
