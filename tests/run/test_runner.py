"""`flowc run`'s behaviour: parallel steps, retries and timeouts, failures, parameters, the cache, resume."""

from __future__ import annotations

import io
import time
from pathlib import Path
from textwrap import dedent

import pytest

from flowc import api
from flowc.ir.model import Program, PythonTask
from flowc.run import RunOutcome, run_pipeline
from tests.run.harness import run_in

PIPELINES = '''
import os
import time
from flowc import after, pipeline, task


@task
def nap(seconds: float, tag: str) -> str:
    time.sleep(seconds)
    return tag


@pipeline
def two_naps(seconds: float = 1.0) -> tuple[str, str]:
    a = nap(seconds=seconds, tag="a")
    b = nap(seconds=seconds, tag="b")
    return a, b


@task(retries=2)
def flaky(marker: str) -> int:
    if not os.path.exists(marker):
        open(marker, "w").close()
        raise RuntimeError("first attempt fails")
    return 7


@pipeline
def retried(marker: str) -> int:
    return flaky(marker=marker)


@task(timeout="1s")
def slow() -> int:
    time.sleep(30)
    return 1


@pipeline
def timed_out() -> int:
    return slow()


@task(cache=True)
def boom(x: int) -> int:
    print("about to fail")
    raise ValueError("boom " + str(x))


@task(cache=True)
def double(x: int) -> int:
    return x * 2


@task(cache=True)
def gate(marker: str) -> int:
    if os.path.exists(marker):
        raise ValueError("marker present")
    return 1


@pipeline
def branches(x: int = 3) -> int:
    bad = boom(x=x)
    after_bad = double(x=bad)
    with after(after_bad):
        double(x=1)
    return double(x=x)


@pipeline
def chain(x: int = 2, marker: str = "") -> int:
    first = double(x=x)
    second = double(x=first)
    g = gate(marker=marker)
    return double(x=g)
'''


@pytest.fixture
def program(tmp_path: Path) -> Program:
    source = tmp_path / "pipes.py"
    source.write_text(dedent(PIPELINES), encoding="utf-8")
    loaded = api.load([source], root=tmp_path, optimize=False)  # steps as written: no fused names
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    return loaded.program


def states(outcome: RunOutcome) -> dict[str, str]:
    return {s.path: s.state for s in outcome.steps}


def test_independent_steps_run_side_by_side(program: Program, tmp_path: Path) -> None:
    began = time.monotonic()
    outcome, printed = run_in(program, "two_naps", {}, tmp_path / "store", jobs=2)
    elapsed = time.monotonic() - began
    assert outcome.state == "succeeded", printed
    assert outcome.outputs == {"output_0": "a", "output_1": "b"}
    assert elapsed < 1.8, f"two 1-second steps took {elapsed:.2f}s with -j 2"


def test_a_failed_attempt_is_retried(program: Program, tmp_path: Path) -> None:
    outcome, printed = run_in(program, "retried", {"marker": str(tmp_path / "m")}, tmp_path / "store")
    assert outcome.state == "succeeded", printed
    assert outcome.outputs == {"output": 7}
    assert [(s.state, s.attempts) for s in outcome.steps] == [("succeeded", 2)]


def test_a_step_past_its_timeout_is_killed_and_fails(program: Program, tmp_path: Path) -> None:
    began = time.monotonic()
    outcome, _ = run_in(program, "timed_out", {}, tmp_path / "store")
    assert time.monotonic() - began < 10
    assert outcome.state == "failed"
    (step,) = outcome.steps
    assert (step.state, step.error) == ("failed", "timed out after 1s")


def test_a_failure_stops_its_dependants_and_not_the_rest(program: Program, tmp_path: Path) -> None:
    outcome, printed = run_in(program, "branches", {}, tmp_path / "store")
    assert outcome.state == "failed"
    assert states(outcome) == {"boom": "failed", "double": "upstream_failed", "double_2": "upstream_failed", "double_3": "succeeded"}
    failed = next(s for s in outcome.steps if s.path == "boom")
    assert "about to fail" in failed.log and "ValueError: boom 3" in failed.log and "Traceback" in failed.log
    assert failed.error == "ValueError: boom 3"
    assert "ValueError: boom 3" in printed and "upstream_failed double" in printed


def test_a_second_run_is_served_from_the_cache_and_resume_reruns_what_failed(program: Program, tmp_path: Path) -> None:
    marker = tmp_path / "marker"
    marker.touch()
    store = tmp_path / "store"
    first, _ = run_in(program, "chain", {"marker": str(marker)}, store)
    assert states(first) == {"double": "succeeded", "double_2": "succeeded", "gate": "failed", "double_3": "upstream_failed"}
    marker.unlink()
    resumed, _ = run_in(program, "chain", {"marker": str(marker)}, store, resume=first.run_id, use_cache=False)
    assert resumed.run_id == first.run_id and resumed.outputs == {"output": 2}
    assert set(states(resumed).values()) == {"succeeded"}
    kept = {s.path: s.started for s in first.steps if s.state == "succeeded"}
    assert {s.path: s.started for s in resumed.steps if s.path in kept} == kept  # not run again
    again, _ = run_in(program, "chain", {"marker": str(marker)}, store)
    assert set(states(again).values()) == {"cached"}
    fresh, _ = run_in(program, "chain", {"marker": str(marker)}, store, use_cache=False)
    assert set(states(fresh).values()) == {"succeeded"}


def test_a_bad_param_is_a_located_diagnostic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from flowc.cli import main

    source = tmp_path / "pipes.py"
    source.write_text(dedent(PIPELINES), encoding="utf-8")
    code = main(["run", str(source), "--pipeline", "two_naps", "--param", "seconds=soon", "--store", str(tmp_path / "s")])
    err = capsys.readouterr().err
    assert code == 1
    assert f"{source}:14:14: error[FLC860]: --param seconds: expected float, got 'soon'" in err, err
    assert not (tmp_path / "s").exists()


def test_after_editing_a_task_only_it_and_its_dependants_run_again(tmp_path: Path) -> None:
    source = tmp_path / "pipes.py"
    store = tmp_path / "store"
    outcomes: list[RunOutcome] = []
    for text in (PIPELINES, PIPELINES.replace("    return 1\n", "    return 1 + 0\n")):
        source.write_text(dedent(text), encoding="utf-8")
        loaded = api.load([source], root=tmp_path, optimize=False)
        outcomes.append(run_in(loaded.program, "chain", {}, store)[0])
    assert set(states(outcomes[0]).values()) == {"succeeded"}
    assert states(outcomes[1]) == {"double": "cached", "double_2": "cached", "gate": "succeeded", "double_3": "succeeded"}


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_the_display_is_live_and_ends_with_a_summary_table(program: Program, tmp_path: Path) -> None:
    from flowc.run import run_program
    from flowc.run.store import RunStore

    screen = _Terminal()
    with RunStore.open(tmp_path / "store") as store:
        outcome = run_program(program, "branches", {}, store, out=screen)
    shown = screen.getvalue()
    assert outcome.state == "failed"
    assert "ValueError: boom 3" in shown  # the failure, printed above the live table
    assert "flowc run" in shown and "upstream_failed" in shown and "double_3" in shown  # the summary table
    assert "start      " not in shown  # no plain lines


def test_a_container_task_without_docker_or_local_mode_is_a_located_diagnostic(monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import EXAMPLE_FILES, EXAMPLES

    monkeypatch.setenv("PATH", "")  # no docker
    outcome = run_pipeline([EXAMPLE_FILES["batch_inference"]], root=EXAMPLES)
    (problem,) = outcome.diagnostics
    assert (problem.code, problem.span and problem.span.line) == ("FLC863", 27), problem
    assert "score_shard" in problem.message and outcome.run_id is None


def test_several_pipelines_need_a_name(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLE_FILES, EXAMPLES

    outcome = run_pipeline([EXAMPLE_FILES["weekly_report"]], root=EXAMPLES, store_root=tmp_path / "s")
    assert [d.code for d in outcome.diagnostics] == ["FLC864"], outcome.diagnostics
    assert not (tmp_path / "s").exists()


def test_resume_takes_the_pipeline_and_params_of_the_run(tmp_path: Path) -> None:
    source = tmp_path / "pipes.py"
    source.write_text(dedent(PIPELINES), encoding="utf-8")
    marker = tmp_path / "marker"
    marker.touch()
    store, quiet = tmp_path / "store", io.StringIO()
    first = run_pipeline([source], pipeline="chain", params=["x=5", f"marker={marker}"], store_root=store, out=quiet, optimize=False)
    assert first.state == "failed" and first.run_id is not None
    marker.unlink()
    resumed = run_pipeline([source], resume=first.run_id, store_root=store, out=quiet, optimize=False)
    assert (resumed.run_id, resumed.state, resumed.outputs) == (first.run_id, "succeeded", {"output": 2})
    assert {s.path: s.outputs for s in resumed.steps}["double_2"] == {"output": 20}


def test_through_docker_the_step_folder_and_input_artifacts_are_mounted_at_their_own_paths(tmp_path: Path) -> None:
    from flowc.run.container_step import docker_argv
    from tests.conftest import EXAMPLE_FILES, EXAMPLES

    program = api.load([EXAMPLE_FILES["churn"]], root=EXAMPLES).program
    publish = program.task("publish")
    assert not isinstance(publish, PythonTask)
    model = tmp_path / "train" / "model"
    argv = docker_argv(publish, ["sh", "-c", "x"], {"model": {"path": str(model)}, "tag": "prod"}, tmp_path / "publish")
    scratch = str((tmp_path / "publish").resolve())
    assert argv[:5] == ["docker", "run", "--rm", "-w", scratch + "/outputs"]
    assert ["-v", f"{scratch}:{scratch}"] == argv[5:7] or ["-v", f"{scratch}:{scratch}"] == argv[7:9]
    assert f"{model.parent.resolve()}:{model.parent.resolve()}" in argv
    assert argv[-4:] == ["busybox:1.36", "sh", "-c", "x"]


@pytest.mark.parametrize(
    ("params", "code"),
    [((), "FLC862"), (("nope=1",), "FLC861"), (("marker",), "FLC860")],
    ids=["missing", "unknown", "no-equals"],
)
def test_params_that_cannot_be_used_are_diagnostics(params: tuple[str, ...], code: str, tmp_path: Path) -> None:
    source = tmp_path / "pipes.py"
    source.write_text(dedent(PIPELINES), encoding="utf-8")
    outcome = run_pipeline([source], pipeline="retried", params=params, store_root=tmp_path / "s")
    assert code in [d.code for d in outcome.diagnostics], outcome.diagnostics
    assert all(d.span is not None and d.span.path == str(source) for d in outcome.diagnostics)
    assert outcome.run_id is None


def test_a_store_that_cannot_record_stops_the_run_with_its_error(program: Program, tmp_path: Path) -> None:
    from flowc.run import run_program
    from flowc.run.records import StepRecord
    from flowc.run.store import RunStore, StoreError

    class FullDisk(RunStore):
        def record_step(self, run_id: str, record: StepRecord) -> StepRecord:
            raise StoreError("disk full")

    store = FullDisk.open(tmp_path / "store")
    with pytest.raises(StoreError, match="disk full"):
        run_program(program, "two_naps", {"seconds": 0.0}, store, out=io.StringIO())
    assert [r.state for r in store.runs()] == ["failed"]
