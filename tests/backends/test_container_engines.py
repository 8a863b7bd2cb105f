"""Container commands on the three engines: what the command received equals the one rule.

The construct suite runs the programs of `tests/conformance/constructs/containers/` on
every engine. Here: the programs only some engines take (a leading `_`, engines in their
`ENGINES`), through the same runners, compared with the program's plain-Python run (its
`STANDINS` compute the expected text with `flowc/codegen/runtime/placeholder_text.py`),
and every program once more in Airflow's kubernetes mode, where a Jinja macro fills the
arguments. `XFAIL` entries are strict xfails naming the engine's source.
"""

from __future__ import annotations

import importlib
import importlib.util
import math
from pathlib import Path
from typing import Any

import pytest

from flowc import api
from tests.conformance.catalogue import declared
from tests.conformance.engine_gaps import ENGINE_BUGS
from tests.conformance.runners import LOCAL_RUNNERS, runner_module

# Engine bugs the programs' XFAIL name: one table, the construct suite's.
FOLDER = Path(__file__).resolve().parents[1] / "conformance" / "constructs" / "containers"
PROGRAMS = sorted(p for p in FOLDER.glob("*.py") if p.name != "__init__.py")
# The construct suite runs the programs without a leading `_` on every engine; the ones
# with it run on some engines only (their `ENGINES`), so they are run here.
PARTIAL = [p for p in PROGRAMS if p.name.startswith("_")]
ENGINES = ("kfp", "airflow", "flyte", "flowc-run")


def _data(path: Path, name: str, default: Any) -> Any:
    return declared(path, (name,)).get(name, default)


def _plain(path: Path, args: dict[str, Any]) -> Any:
    spec = importlib.util.spec_from_file_location(f"_containers_{path.stem}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    for name, standin in module.STANDINS.items():
        setattr(module, name, standin)
    return getattr(module, _name(path))(**args)


def _name(path: Path) -> str:
    """The pipeline that runs: named like the file (without a leading `_`)."""
    return path.stem.lstrip("_")


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-12)
    return a == b and type(a) is type(b)


CASES = [
    pytest.param(
        engine, path, i, args, id=f"{engine}-{_name(path)}-{i}",
        marks=([] if engine in LOCAL_RUNNERS else [pytest.mark.engine])
        + ([pytest.mark.xfail(reason=ENGINE_BUGS[_data(path, "XFAIL", {})[engine]], strict=True)] if engine in _data(path, "XFAIL", {}) else []),
    )
    for path in PARTIAL
    for i, args in enumerate(_data(path, "RUNS", [{}]))
    for engine in _data(path, "ENGINES", ENGINES)
]


@pytest.mark.parametrize(("engine", "path", "index", "args"), CASES)
def test_container_command_text(engine: str, path: Path, index: int, args: dict[str, Any], tmp_path: Path) -> None:
    loaded = api.load([path], root=FOLDER)
    assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
    runner = importlib.import_module(runner_module(engine))
    result = runner.run(loaded.program, _name(path), dict(args), tmp_path)
    want = _plain(path, dict(args))
    assert _same(result.outputs["output"], want), (result.outputs["output"], want)


@pytest.mark.engine
def test_airflow_kubernetes_mode_gives_the_same_text(tmp_path: Path) -> None:
    """Kubernetes mode fills arguments in a Jinja macro; each pod runs as a local process."""
    from flowc.backends.airflow.backend import AirflowBackend
    from flowc.backends.airflow.plan import RESULTS_ID
    from flowc.ir.names import airflow_name
    from tests.backends.airflow.harness import failure_details, run_dags, session_home

    folder = tmp_path / "dags"
    folder.mkdir()
    requests: list[tuple[str, dict[str, Any]]] = []
    expected: list[Any] = []
    for path in PROGRAMS:
        loaded = api.load([path], root=FOLDER)
        assert loaded.ok, api.render(loaded.diagnostics, loaded.sources)
        result = AirflowBackend().emit(loaded.program, {"mode": "kubernetes", "artifact_root": str(tmp_path / "artifacts")})
        dag_id = airflow_name(_name(path))
        text = result.files[f"{dag_id}.py"]
        # One DAG per run: dag.test() reuses a rendered operator when one process runs a DAG twice.
        for i, args in enumerate(_data(path, "RUNS", [{}])):
            (folder / f"{dag_id}_r{i}.py").write_bytes(text.replace(f"dag_id='{dag_id}'".encode(), f"dag_id='{dag_id}_r{i}'".encode()))
            requests.append((f"{dag_id}_r{i}", dict(args)))
            expected.append(_plain(path, dict(args)))
    home = session_home()
    report = run_dags(home, folder, requests, tmp_path, local_pods=True)
    assert not report.import_errors, report.import_errors
    for (dag_id, args), run, want in zip(requests, report.runs, expected):
        assert run.state == "success", (dag_id, args, failure_details(home, run))
        got = (run.value(RESULTS_ID) or {})["output"]
        assert _same(got, want), (dag_id, args, got, want)
