"""A failing task's traceback points at the user's file and the line of the `raise`, with its text.

The pipeline file is compiled as `flows/failing.py` (named relative to where flowc ran)
and run from another folder, where no such file is: the lines a traceback shows come
from the text the runtime registered, as in a pod. `plain` runs `judge` as a task of its
own; in `fused` the optimizer fuses `double` and `judge` into one step whose members each
run at their own lines. Each engine runs both pipelines with its own local runner; so do
`flowc run` (which must read the file, so it alone runs beside it) and the task program
that Airflow's pods and `flowc run` execute, run here by itself.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

import pytest

from flowc import api
from flowc.codegen.task_program import task_code, task_runtime
from flowc.backends.airflow.operators import POD_ENTRY
from flowc.ir.model import Program, PythonTask, TaskNode

FILE = "flows/failing.py"
PROGRAM = '''\
from flowc import pipeline, task

LIMIT = 3


def check(x: int) -> int:
    if x > LIMIT:
        raise ValueError(f"too big: {x}")
    return x


@task
def double(x: int) -> int:
    return x * 2


@task
def judge(x: int) -> int:
    return check(x)


@pipeline
def plain(x: int = 5) -> int:
    return judge(x=x)


@pipeline
def fused(x: int = 2) -> int:
    return judge(x=double(x=x))
'''
# The innermost frames, as `traceback` prints them: file, line and function, then the line's text.
EXPECTED = [
    (f'File "{FILE}", line 19, in judge', "return check(x)"),
    (f'File "{FILE}", line 8, in check', 'raise ValueError(f"too big: {x}")'),
]
PIPELINES = ("plain", "fused")


@pytest.fixture(scope="module")
def src(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder flowc compiles in: it holds `flows/failing.py`."""
    folder = tmp_path_factory.mktemp("src")
    (folder / "flows").mkdir()
    (folder / FILE).write_text(PROGRAM)
    return folder


@pytest.fixture(scope="module")
def program(src: Path) -> Program:
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(src)
        loaded = api.load([FILE], root=src)
    assert loaded.ok, loaded.diagnostics
    fused = [t for t in loaded.program.tasks if isinstance(t, PythonTask) and t.members]
    assert [t.members for t in fused] == [("double", "judge")]
    return loaded.program


def assert_points_at_the_source(text: str) -> None:
    """The expected frames in order, each followed by its line's text (engines may indent log lines)."""
    frames = (re.escape(frame) + r"\s*\n\W*" + re.escape(line) for frame, line in EXPECTED)
    assert re.search(r"[\s\S]*".join(frames), text), text[-4000:]


def _runtime(program: Program, pipeline: str, workdir: Path) -> str:
    """The task program the Airflow pod and `flowc run` run, as a process of its own."""
    call = next(n for n in program.pipeline(pipeline).body if isinstance(n, TaskNode))
    task = program.task(call.task)
    assert isinstance(task, PythonTask)
    env = dict(os.environ, FLOWC_INPUTS=json.dumps({"x": 5}), FLOWC_XCOM_DIR=str(workdir / "xcom"))
    done = subprocess.run(
        [sys.executable, "-c", task_runtime() + task_code(task) + POD_ENTRY],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=60,
    )
    assert done.returncode != 0
    return done.stderr


def flowc_run(src: Path, pipeline: str, workdir: Path) -> str:
    """`flowc run` (which compiles the file itself, so it runs where the file is)."""
    argv = [sys.executable, "-m", "flowc.cli", "run", FILE, "--pipeline", pipeline, "--param", "x=5", "--store", str(workdir / "store")]
    done = subprocess.run(argv, cwd=src, capture_output=True, text=True, timeout=120)
    assert done.returncode != 0, done.stdout
    return done.stdout + done.stderr


def _kfp(program: Program, pipeline: str, workdir: Path) -> str:
    from tests.conformance.runners.kfp import compile_spec, run_compiled

    spec = compile_spec(program, pipeline, workdir / "spec")
    with _captured_output() as output:
        result = run_compiled(program, spec, {"x": 5}, workdir)
    assert result.error is not None, result  # kfp.local's failed run, with each task's printed output
    return output() + result.error


def _airflow(program: Program, pipeline: str, workdir: Path) -> str:
    from tests.backends.airflow.harness import failure_details, run_dags, session_home
    from tests.conformance.runners.airflow import compile_into, dag_id

    folder = workdir / "dags"
    compile_into(program, folder)
    home = session_home()
    report = run_dags(home, folder, [(dag_id(pipeline), {"x": 5})], workdir / "artifacts")
    assert report.runs[0].state == "failed", failure_details(home, report.runs[0])
    return report.output


def _flyte(program: Program, pipeline: str, workdir: Path) -> str:
    from tests.backends.flyte.local_run import flyte_sandbox, import_generated, run_workflow
    from tests.conformance.runners.flyte import compile_module

    folder = workdir / "module"
    name = compile_module(program, pipeline, folder)
    with flyte_sandbox(workdir), pytest.raises(Exception) as failed:
        run_workflow(import_generated(folder, name), pipeline, {"x": 5})
    return "".join(traceback.format_exception(failed.value))


class _captured_output:
    """What kfp.local's task subprocesses print (it echoes their output through Python's stdout)."""

    def __enter__(self) -> Callable[[], str]:
        import io
        from contextlib import redirect_stderr, redirect_stdout

        self.buffer = io.StringIO()
        self.redirects = [redirect_stdout(self.buffer), redirect_stderr(self.buffer)]
        for r in self.redirects:
            r.__enter__()
        return self.buffer.getvalue

    def __exit__(self, *exc: object) -> None:
        for r in reversed(self.redirects):
            r.__exit__(None, None, None)


RUNNERS: dict[str, Callable[[Program, str, Path], str]] = {
    "runtime": _runtime, "kfp": _kfp, "airflow": _airflow, "flyte": _flyte,
}


@pytest.mark.parametrize(
    "engine",
    [
        pytest.param("runtime"),
        pytest.param("flowc run"),
        pytest.param("kfp", marks=pytest.mark.engine),
        pytest.param("airflow", marks=[pytest.mark.engine, pytest.mark.xdist_group("airflow-engine")]),
        pytest.param("flyte", marks=pytest.mark.engine),
    ],
)
@pytest.mark.parametrize("pipeline", PIPELINES)
def test_a_failing_task_points_at_its_source_line(engine: str, pipeline: str, program: Program, src: Path, tmp_path: Path) -> None:
    workdir = tmp_path / "elsewhere"
    workdir.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(workdir)  # where `flows/failing.py` is not
        text = flowc_run(src, pipeline, workdir) if engine == "flowc run" else RUNNERS[engine](program, pipeline, workdir)
    assert_points_at_the_source(text)
