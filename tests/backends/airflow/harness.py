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

# No cluster here: in kubernetes-mode runs each pod becomes a local process. Airflow
# still renders the operator's templates (macros, env) and pushes what `execute`
# returns; only the container runtime is replaced, and the XCom sidecar's folder
# is a temporary one.
_LOCAL_PODS = r"""
import os, subprocess, tempfile
from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator

def _local_pod(self, context):
    xcom = tempfile.mkdtemp(prefix="flowc-xcom-")
    env = dict(os.environ)
    env.update({e.name: e.value for e in self.env_vars or []})
    env["FLOWC_XCOM_DIR"] = xcom
    cmds = [c.replace("/airflow/xcom", xcom) for c in [*self.cmds, *(self.arguments or [])]]
    subprocess.run(cmds, env=env, check=True)
    path = os.path.join(xcom, "return.json")
    if self.do_xcom_push and os.path.exists(path):
        with open(path) as fh:
            return json.load(fh)
    return None

KubernetesPodOperator.execute = _local_pod
"""

_RUNNER = "LOCAL_PODS = " + repr(_LOCAL_PODS) + "\n" + r"""
import copy, json, sys, traceback
from airflow.dag_processing.dagbag import DagBag
from airflow.sdk.definitions._internal.expandinput import EXPAND_INPUT_EMPTY

request = json.loads(sys.stdin.read())
if request.get("local_pods"):
    exec(LOCAL_PODS)
bag = DagBag(dag_folder=request["folder"])
report = {"import_errors": {k: v for k, v in bag.import_errors.items()}, "runs": []}
for run in request["runs"]:
    # A fresh copy per run: dag.test() in one process updates the DAG's params with each
    # run's conf, so a later run of the same DAG would see an earlier run's arguments.
    # Airflow's "no expand input" sentinel is compared by identity (a mapped @task checks
    # `expand_input is EXPAND_INPUT_EMPTY`): the copy keeps the one object.
    dag = copy.deepcopy(bag.dags[run["dag_id"]], {id(EXPAND_INPUT_EMPTY): EXPAND_INPUT_EMPTY})
    entry = {"dag_id": run["dag_id"], "tasks": [], "xcom": {}}
    print("FLOWC-RUN-START", flush=True)  # dag.test() logs each task (a failed one's traceback) to stdout
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
    sys.stdout.flush()
    print("\nFLOWC-RUN-END", flush=True)
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
    log: str = ""  # what the run printed (dag.test() logs each task there): kept for failed runs

    def states(self, task_id: str) -> list[str]:
        return [s for t, _, s in self.tasks if t == task_id]

    def value(self, task_id: str, map_index: int = -1) -> Any:
        return self.xcom.get(f"{task_id}@{map_index}")


@dataclass
class FolderReport:
    import_errors: dict[str, str]
    runs: list[DagRunReport]
    output: str = ""  # what the Airflow process printed: `dag.test()` prints task logs there


def run_dags(
    home: Path, folder: Path, runs: list[tuple[str, dict[str, Any]]], artifacts: Path, timeout: int = 600, local_pods: bool = False,
) -> FolderReport:
    """Parse `folder` and `dag.test()` each (dag_id, conf) in one Airflow process."""
    request = {"folder": str(folder), "runs": [{"dag_id": d, "conf": c} for d, c in runs], "local_pods": local_pods}
    proc = subprocess.run(
        [PYTHON, "-c", _RUNNER], input=json.dumps(request), text=True, capture_output=True,
        env=airflow_env(home, folder, artifacts), timeout=timeout, cwd=str(folder),
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("FLOWC-REPORT ")), None)
    if line is None:
        raise RuntimeError(f"airflow runner failed ({proc.returncode}):\n{proc.stdout[-3000:]}\n{proc.stderr[-5000:]}")
    data = json.loads(line[len("FLOWC-REPORT "):])
    logs = _run_logs(proc.stdout)
    reports = [
        DagRunReport(r["dag_id"], r["state"], [tuple(t) for t in r["tasks"]], r["xcom"], r.get("error"),
                     logs[i][-20000:] if r["state"] != "success" and i < len(logs) else "")
        for i, r in enumerate(data["runs"])
    ]
    return FolderReport(data["import_errors"], reports, proc.stdout + proc.stderr)


def _run_logs(stdout: str) -> list[str]:
    """What each run printed, in order (between the runner's start and end markers)."""
    return [part.split("\nFLOWC-RUN-END\n", 1)[0] for part in stdout.split("FLOWC-RUN-START\n")[1:]]


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
    lines = [f"{run.dag_id}: {run.state}", run.error or "", run.log]
    failed = {t for t, _, s in run.tasks if s in ("failed", "upstream_failed")}
    lines.append("task states: " + ", ".join(f"{t}[{m}]={s}" for t, m, s in run.tasks))
    for log in sorted((home / "logs").glob(f"dag_id={run.dag_id}/**/*.log")):
        if any(f"task_id={t}" in str(log) for t in failed):
            lines.append(f"--- {log}\n{log.read_text(errors='replace')[-3000:]}")
    return "\n".join(lines)


_INSPECT = r"""
import json, sys
from airflow.dag_processing.dagbag import DagBag

def plain(v):
    if type(v).__name__ == "LiteralValue":
        return {"literal": plain(v.value)}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    if isinstance(v, dict):
        return {str(k): plain(x) for k, x in v.items()}
    if hasattr(v, "total_seconds"):
        return v.total_seconds()
    if type(v).__name__ == "V1EnvVar":
        return [v.name, plain(v.value)]
    if type(v).__name__ == "V1ResourceRequirements":
        return {"requests": v.requests, "limits": v.limits}
    if type(v).__name__ == "Secret":
        return [v.deploy_type, v.deploy_target, v.secret]
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    return repr(v)

bag = DagBag(dag_folder=sys.argv[1])
out = {"import_errors": dict(bag.import_errors), "dags": {}}
for dag_id, dag in bag.dags.items():
    tasks = {}
    for op in dag.tasks:
        mapped = type(op).__name__ == "MappedOperator"
        kw = op.partial_kwargs if mapped else {}
        get = (lambda a: kw.get(a)) if mapped else (lambda a: getattr(op, a, None))
        entry = {"operator": op.operator_name if mapped else type(op).__name__, "mapped": mapped,
                 "upstream": sorted(op.upstream_task_ids), "trigger_rule": str(getattr(op, "trigger_rule", ""))}
        for attr in ("image", "cmds", "arguments", "env_vars", "container_resources", "secrets", "retries",
                     "execution_timeout", "do_xcom_push", "namespace", "name", "volumes", "volume_mounts"):
            entry[attr] = plain(get(attr))
        entry["task_display_name"] = op.task_display_name
        if mapped:
            entry["expand"] = sorted(op.expand_input.value)
        tasks[op.task_id] = entry
    out["dags"][dag_id] = {"tasks": tasks, "params": {k: plain(v) for k, v in dag.params.dump().items()},
                           "schedule": plain(getattr(dag, "schedule", None)), "groups": sorted(dag.task_group_dict)}
print("FLOWC-INSPECT " + json.dumps(out, default=repr))
"""


def inspect_folder(home: Path, folder: Path) -> dict[str, Any]:
    """Parse `folder` with DagBag and describe every DAG's operators as JSON-able data."""
    proc = subprocess.run(
        [PYTHON, "-c", _INSPECT, str(folder)], text=True, capture_output=True,
        env=airflow_env(home, folder), timeout=300,
    )
    line = next((ln for ln in proc.stdout.splitlines() if ln.startswith("FLOWC-INSPECT ")), None)
    if line is None:
        raise RuntimeError(f"inspection failed ({proc.returncode}):\n{proc.stderr[-5000:]}")
    return json.loads(line[len("FLOWC-INSPECT "):])
