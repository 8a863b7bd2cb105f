"""Every example compiled for Flyte: snapshots pin the module, flytekit runs it (in process and `pyflyte run`)."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from syrupy.assertion import SnapshotAssertion

from flowc.backends.flyte.backend import FlyteBackend
from flowc.backends.flyte.typemap import outputs_class_name
from flowc.ir.model import Program, TaskNode, iter_nodes
from flowc.ir.names import python_name
from flowc.ir.passes.cache_key import digest
from flowc.ir.passes.step_keys import task_step_keys
from tests.backends.flyte.local_run import compile_pipeline, counting, flyte_sandbox, import_generated, run_workflow
from tests.conftest import EXAMPLE_FILES, ROOT

PYFLYTE = "from flytekit.clis.sdk_in_container.pyflyte import main; main()"

# (example, pipeline, arguments, expected outputs): checked through `pyflyte run`.
PYFLYTE_RUNS: list[tuple[str, str, dict[str, Any], dict[str, Any]]] = [
    ("churn", "churn", {"bar": 1.0}, {"o0": 1.0}),
    ("weekly_report", "region_report", {"region": "amer"}, {"o0": 410.0}),
    ("feature_etl", "feature_etl", {"min_count": 4}, {"o0": 9}),
    ("batch_inference", "batch_inference", {"count": 2}, {"o0": 18}),
    ("grid_search", "grid_search", {}, {"output_0": 33.75, "output_1": 6}),
    ("weekly_report", "weekly_report", {"mode": "short", "record": 900.0}, {"output_0": 961.0, "output_1": "total: 961"}),
]


@pytest.fixture(scope="module")
def modules(load_example: Callable[[str], Any]) -> dict[str, tuple[Program, dict[str, bytes]]]:
    out: dict[str, tuple[Program, dict[str, bytes]]] = {}
    for name in sorted(EXAMPLE_FILES):
        program = load_example(name)
        result = FlyteBackend().emit(program, {})
        assert not result.diagnostics, result.diagnostics
        out[name] = (program, result.files)
    return out


@pytest.mark.parametrize("example", sorted(EXAMPLE_FILES))
def test_module_snapshot(example: str, modules: dict[str, tuple[Program, dict[str, bytes]]], snapshot: SnapshotAssertion) -> None:
    files = modules[example][1]
    for rel in sorted(files):
        text = files[rel].decode("utf-8")
        ast.parse(text)
        assert text == snapshot(name=rel)


@pytest.mark.parametrize("example", sorted(EXAMPLE_FILES))
def test_every_construct_is_there(example: str, modules: dict[str, tuple[Program, dict[str, bytes]]]) -> None:
    """Options of the IR appear as flytekit arguments, and every cached task carries its calls' step keys."""
    program, files = modules[example]
    text = "\n".join(f.decode() for f in files.values())
    for entry in (p for p in program.pipelines if p.entry):
        module = files[f"{python_name(entry.name)}_flyte.py"].decode()
        for name, keys in task_step_keys(program, entry).items():
            if program.task(name).options.cache:
                assert f"cache_version={digest(keys)[:16]!r}" in module
    called = {n.task for p in program.pipelines for n in iter_nodes(p.body) if isinstance(n, TaskNode)}
    for task in (t for t in program.tasks if t.name in called):
        if task.options.retries:
            assert f"retries={task.options.retries}" in text
        if task.options.timeout_seconds:
            assert f"timedelta(seconds={task.options.timeout_seconds})" in text
        for secret in task.options.secrets:
            assert f"Secret(group={secret!r})" in text
    for pipeline in program.pipelines:
        if pipeline.entry and pipeline.schedule:
            assert f"CronSchedule(schedule={pipeline.schedule!r})" in text


def test_output_is_identical_across_hash_seeds(tmp_path: Path) -> None:
    script = (
        "import sys, hashlib\n"
        "from flowc import api\n"
        f"paths = {[str(p) for p in EXAMPLE_FILES.values()]!r}\n"
        "digest = hashlib.sha256()\n"
        "for p in paths:\n"
        f"    l = api.load([p], root={str(ROOT / 'examples')!r})\n"
        "    r = api.emit(l.program, 'flyte', {})\n"
        "    for k in sorted(r.files): digest.update(k.encode() + r.files[k])\n"
        "print(digest.hexdigest())\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('flytekit', 'kfp', 'airflow', 'flyteidl')))\n"
    )
    outs = []
    for seed in ("0", "1", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=ROOT, check=True)
        outs.append(done.stdout.splitlines())
    assert outs[0] == outs[1] == outs[2]
    assert outs[0][1] == "[]", "the compile path imported an engine SDK"


@pytest.mark.engine
@pytest.mark.parametrize(("example", "pipeline", "args", "want"), PYFLYTE_RUNS, ids=[r[1] for r in PYFLYTE_RUNS])
def test_pyflyte_run(example: str, pipeline: str, args: dict[str, Any], want: dict[str, Any],
                     modules: dict[str, tuple[Program, dict[str, bytes]]], tmp_path: Path) -> None:
    files = modules[example][1]
    for rel, data in files.items():
        (tmp_path / rel).write_bytes(data)
    env = {**os.environ, "HOME": str(tmp_path), "TMPDIR": str(tmp_path), "FLOWC_SCRATCH": str(tmp_path),
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    cli_args = [f"--{k}={v if isinstance(v, str) else json.dumps(v)}" for k, v in args.items()]
    cmd = [sys.executable, "-c", PYFLYTE, "run", f"{pipeline}_flyte.py", pipeline, *cli_args]
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    last = done.stdout.strip().splitlines()[-1]
    if len(want) == 1:
        assert last == repr(want["o0"]), done.stdout
    else:
        fields = ", ".join(f"{k}={v!r}" for k, v in want.items())
        assert last == f"{outputs_class_name(pipeline)}({fields})", done.stdout


@pytest.mark.engine
def test_fan_out_and_fan_in_keep_item_order(modules: dict[str, tuple[Program, dict[str, bytes]]], tmp_path: Path) -> None:
    """A map_task (ArrayNode) and a dynamic keep the order of their items in the fan-in list."""
    program, files = modules["weekly_report"]
    for rel, data in files.items():
        (tmp_path / rel).write_bytes(data)
    with flyte_sandbox(tmp_path):
        module = import_generated(tmp_path, "weekly_report_flyte")
        with counting(module, program) as ran:
            out = run_workflow(module, "weekly_report", {"regions": ["apac", "emea", "amer"], "mode": "full"})
    assert out["output_1"] == "apac: 277\nemea: 274\namer: 410"
    assert ran["fetch_sales"] == 3 and ran["render_short"] == 0


@pytest.mark.engine
def test_generated_module_runs_after_compile_to_disk(load_example: Callable[[str], Any], tmp_path: Path) -> None:
    program = load_example("grid_search")
    compile_pipeline(program, tmp_path / "m")
    with flyte_sandbox(tmp_path):
        module = import_generated(tmp_path / "m", "grid_search_flyte")
        with counting(module, program) as ran:
            out = run_workflow(module, "grid_search", {"depths": [1, 2], "widths": [8, 4]})
    assert out == {"output_0": 21.75, "output_1": 4}
    assert ran["simulate"] == 4 and ran["alert"] == 1
