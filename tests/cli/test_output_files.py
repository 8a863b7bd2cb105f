"""What `flowc` leaves on disk and on stdout (issue 9 #6): file modes, one layout, a closed pipe."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.generate import write_chain
from flowc.cli import main
from flowc.codegen.files import write_all
from tests.conftest import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def _modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): stat.S_IMODE(p.stat().st_mode) for p in folder.rglob("*") if p.is_file()}


@pytest.mark.usefixtures("umask_022")
def test_generated_files_honour_the_umask(tmp_path: Path) -> None:
    assert main(["compile", str(EXAMPLES / "churn.py"), "-t", "all", "-o", str(tmp_path)]) == 0
    modes = _modes(tmp_path)
    assert modes and set(modes.values()) == {0o644}, modes


def test_a_tighter_umask_is_honoured_too(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_all(tmp_path, {"airflow/x.py": b"x"})
    finally:
        os.umask(old)
    assert _modes(tmp_path) == {"airflow/x.py": 0o600}


@pytest.mark.usefixtures("umask_022")
def test_deployed_dag_files_are_written_through_write_all_with_the_umask(tmp_path: Path) -> None:
    """`deploy` writes the DAG folder with `write_all` (the rest of it needs a server: tests -m server)."""
    from flowc.backends.airflow import deploy

    assert deploy.write_all is write_all
    write_all(tmp_path / "dags", {"churn.py": b"dag"})
    assert _modes(tmp_path / "dags") == {"churn.py": 0o644}


@pytest.mark.parametrize("targets", [["flyte"], ["kfp"], ["kfp", "airflow"], ["all"]])
def test_one_layout_whatever_the_number_of_targets(tmp_path: Path, targets: list[str]) -> None:
    assert main(["compile", str(EXAMPLES / "churn.py"), "-t", ",".join(targets), "-o", str(tmp_path)]) == 0
    expected = {"kfp": ["kfp/churn.yaml", "kfp/churn.schedule.json"], "airflow": ["airflow/churn.py"], "flyte": ["flyte/churn_flyte.py"]}
    names = ["kfp", "airflow", "flyte"] if targets == ["all"] else targets
    assert sorted(_modes(tmp_path)) == sorted(f for t in names for f in expected[t])


def test_compile_prints_the_files_it_wrote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compile", str(EXAMPLES / "churn.py"), "-t", "flyte", "-o", str(tmp_path)]) == 0
    assert capsys.readouterr().out.split() == ["flyte", str(tmp_path / "flyte" / "churn_flyte.py")]


MANY_ERRORS = textwrap.dedent(
    """\
    from flowc import pipeline, task

    @task
    def double(x: int) -> int:
        return 2 * x

    @pipeline
    def bad(n: int = 1) -> int:
    {calls}
        return double(x=n)
    """
)


def _noisy_file(tmp_path: Path) -> Path:
    path = tmp_path / "bad.py"
    calls = "\n".join(f'    y{i} = double(x="three")' for i in range(400))  # > 64 KiB of JSON: more than a pipe holds
    path.write_text(MANY_ERRORS.format(calls=calls))
    return path


@pytest.mark.parametrize("command", [["check", "--format", "json"], ["check", "--format", "github"], ["ir"]])
def test_a_closed_stdout_ends_quietly(tmp_path: Path, command: list[str]) -> None:
    target = str(write_chain(tmp_path, 400) if command == ["ir"] else _noisy_file(tmp_path))  # both > 64 KiB
    script = f"{sys.executable} -m flowc.cli {' '.join(command)} {target} | head -c 10"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(["bash", "-c", f"set -o pipefail; {script}"], env=env, capture_output=True, text=True, timeout=120)
    assert len(done.stdout) == 10
    assert done.stderr == "", done.stderr  # no "internal error: BrokenPipeError", no "Exception ignored"
    assert done.returncode == 1  # what Python's own tools do on EPIPE (docs: "Note on SIGPIPE")
