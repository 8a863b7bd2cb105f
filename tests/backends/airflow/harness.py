"""Run generated DAG files on a real Airflow, each run in its own subprocess.

Airflow reads its configuration from the environment when it is first imported, and
the conformance suite shares one pytest process with the KFP and Flyte runners, so
Airflow never runs in the test process: `prepare_home` migrates a temporary
AIRFLOW_HOME once, and `run_dags` starts one Python process that parses a folder
(DagBag) and runs `dag.test()` for each requested run, reporting task states and
XComs as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PYTHON = sys.executable

_RUNNER = r"""
import json, sys, traceback
from airflow.dag_processing.dagbag import DagBag

request = json.loads(sys.stdin.read())
bag = DagBag(dag_folder=request["folder"])
report = {"import_errors": {k: v for k, v in bag.import_errors.items()}, "runs": []}
for run in request["runs"]:
    dag = bag.dags[run["dag_id"]]
    entry = {"dag_id": run["dag_id"], "tasks": [], "xcom": {}}
    try:
        dag_run = dag.test(run_conf=run.get("conf") or None)
        entry["state"] = str(dag_run.state)
        for ti in dag_run.get_task_instances():
            entry["tasks"].append([ti.task_id, ti.map_index, str(ti.state)])
        from airflow.models.xcom import XComModel
        from airflow.utils.session import create_session
        with create_session() as session:
            rows = session.query(XComModel).filter(
                XComModel.dag_id == run["dag_id"], XComModel.run_id == dag_run.run_id,
                XComModel.key == "return_value").all()
            for row in rows:
                entry["xcom"]["%s@%d" % (row.task_id, row.map_index)] = XComModel.deserialize_value(row)
    except Exception:
        entry["state"] = "error"
        entry["error"] = traceback.format_exc()
    report["runs"].append(entry)
print("FLOWC-REPORT " + json.dumps(report, default=str))
"""


def airflow_env(home: Path, dags: Path | None = None, artifacts: Path | None = None) -> dict[str, str]:
    """The environment of an isolated Airflow: its own home, no examples, quiet."""
    env = dict(os.environ)
    env.update(
        AIRFLOW_HOME=str(home),
        AIRFLOW__CORE__LOAD_EXAMPLES="False",
        AIRFLOW__CORE__UNIT_TEST_MODE="False",
        AIRFLOW__LOGGING__LOGGING_LEVEL="WARNING",
        AIRFLOW__API_AUTH__JWT_SECRET="flowc-test-secret-" + "x" * 46,
        PYTHONDONTWRITEBYTECODE="1",
    )
    if dags is not None:
        env["AIRFLOW__CORE__DAGS_FOLDER"] = str(dags)
    if artifacts is not None:
        env["FLOWC_ARTIFACT_ROOT"] = str(artifacts)
    bin_dir = str(Path(PYTHON).parent)
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    return env


def prepare_home(home: Path) -> Path:
    """Create and migrate an Airflow metadata database under `home` (about 3 s)."""
    home.mkdir(parents=True, exist_ok=True)
    marker = home / ".flowc-migrated"
    if not marker.exists():
        subprocess.run(
            [str(Path(PYTHON).parent / "airflow"), "db", "migrate"],
            env=airflow_env(home), check=True, capture_output=True, timeout=300,
        )
        marker.write_text("ok")
    return home


@dataclass
class DagRunReport:
    """One `dag.test()` run: final state, task instance states, return-value XComs."""

    dag_id: str
    state: str
    tasks: list[tuple[str, int, str]] = field(default_factory=lambda: [])
    xcom: dict[str, Any] = field(default_factory=lambda: {})
    error: str | None = None

    def states(self, task_id: str) -> list[str]:
        return [s for t, _, s in self.tasks if t == task_id]

    def value(self, task_id: str, map_index: int = -1) -> Any:
        return self.xcom.get(f"{task_id}@{map_index}")


@dataclass
class FolderReport:
    import_errors: dict[str, str]
    runs: list[DagRunReport]


def run_dags(home: Path, folder: Path, runs: list[tuple[str, dict[str, Any]]], artifacts: Path, timeout: int = 600) -> FolderReport:
    """Parse `folder` and `dag.test()` each (dag_id, conf) in one Airflow process."""
    request = {"folder": str(folder), "runs": [{"dag_id": d, "conf": c} for d, c in runs]}
    proc = subprocess.run(
        [PYTHON, "-c", _RUNNER], input=json.dumps(request), text=True, capture_output=True,
        env=airflow_env(home, folder, artifacts), timeout=timeout, cwd=str(folder),
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("FLOWC-REPORT ")), None)
    if line is None:
        raise RuntimeError(f"airflow runner failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    data = json.loads(line[len("FLOWC-REPORT "):])
    reports = [
        DagRunReport(r["dag_id"], r["state"], [tuple(t) for t in r["tasks"]], r["xcom"], r.get("error"))
        for r in data["runs"]
    ]
    return FolderReport(data["import_errors"], reports)


def parse_folder(home: Path, folder: Path) -> dict[str, str]:
    """Import errors of a folder as Airflow's DagBag reports them."""
    return run_dags(home, folder, [], folder).import_errors


_SESSION_HOME: list[Path] = []


def session_home() -> Path:
    """One migrated AIRFLOW_HOME per test process, removed when the process exits."""
    if not _SESSION_HOME:
        import atexit
        import shutil
        import tempfile

        home = Path(tempfile.mkdtemp(prefix="flowc-airflow-home-"))
        atexit.register(shutil.rmtree, home, True)
        _SESSION_HOME.append(prepare_home(home))
    return _SESSION_HOME[0]


def failure_details(home: Path, run: DagRunReport) -> str:
    """The error and the logs of every failed task of a run, for assertion messages."""
    lines = [f"{run.dag_id}: {run.state}", run.error or ""]
    failed = {t for t, _, s in run.tasks if s in ("failed", "upstream_failed")}
    lines.append("task states: " + ", ".join(f"{t}[{m}]={s}" for t, m, s in run.tasks))
    for log in sorted((home / "logs").glob(f"dag_id={run.dag_id}/**/*.log")):
        if any(f"task_id={t}" in str(log) for t in failed):
            lines.append(f"--- {log}\n{log.read_text(errors='replace')[-3000:]}")
    return "\n".join(lines)
