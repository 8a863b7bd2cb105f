"""Deploy generated DAG files to a running Airflow 3 through `apache-airflow-client`.

    result = deploy(files, DeployTarget(url="http://127.0.0.1:8080", dags_folder=Path("dags"),
                                       username="admin", password=...), trigger=True, wait=True)

Writes the files atomically into the DAG folder, asks the server to reparse a file
it already knows, waits until each DAG is parsed (or its import error appears: that
becomes an FLC805 diagnostic naming the file and the failing line, never a stack
dump), unpauses it, and optionally triggers a run and waits for its final state.
Problems become FLC804/FLC805 diagnostics; secrets (password, token) never appear
in a message. Only this module imports the Airflow client, and only when called.
"""

from __future__ import annotations

import json
import re
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from flowc.codegen.files import write_all
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span

Log = Callable[[str], None]
FINAL_STATES = ("success", "failed")


@dataclass(frozen=True)
class DeployTarget:
    """Where to deploy: the server's base URL (no `/api/v2`), its DAG folder, credentials."""

    url: str
    dags_folder: Path
    token: str | None = None
    username: str | None = None
    password: str | None = None
    timeout: float = 180.0
    poll: float = 1.0


@dataclass
class DeployResult:
    """What happened: DAGs made available, the runs triggered and their task states."""

    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    dag_ids: list[str] = field(default_factory=lambda: [])
    runs: dict[str, str] = field(default_factory=lambda: {})  # dag_id -> dag_run_id
    run_states: dict[str, str] = field(default_factory=lambda: {})
    task_states: dict[str, list[tuple[str, int, str]]] = field(default_factory=lambda: {})

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


class DeployError(Exception):
    """Stops a deploy; carries the diagnostic to report."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


def _failed(message: str) -> DeployError:
    return DeployError(Diagnostic.of(codes.DEPLOY_FAILED, None, message))


def fetch_token(url: str, username: str, password: str, timeout: float = 30.0) -> str:
    """A JWT from Airflow's simple auth manager (`POST /auth/token`)."""
    body = json.dumps({"username": username, "password": password}).encode()
    request = urllib.request.Request(
        url.rstrip("/") + "/auth/token", data=body, method="POST", headers={"Content-Type": "application/json"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (URL given by the user)
            token = json.loads(response.read().decode()).get("access_token")
    except urllib.error.HTTPError as exc:
        raise _failed(f"authentication at {url} failed: HTTP {exc.code}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise _failed(f"cannot reach {url}: {getattr(exc, 'reason', exc)}") from None
    if not isinstance(token, str) or not token:
        raise _failed(f"{url}/auth/token returned no access_token")
    return token


class _Server:
    """The handful of REST calls a deploy needs, through apache-airflow-client."""

    def __init__(self, target: DeployTarget, token: str) -> None:
        import airflow_client.client as client

        config = client.Configuration(host=target.url.rstrip("/"), access_token=token)
        self.client = client
        self.api = client.ApiClient(config)
        self.dags = client.DAGApi(self.api)
        self.runs = client.DagRunApi(self.api)
        self.tis = client.TaskInstanceApi(self.api)
        self.errors = client.ImportErrorApi(self.api)
        self.parsing = client.DAGParsingApi(self.api)

    def dag(self, dag_id: str) -> Any | None:
        from airflow_client.client.exceptions import NotFoundException

        try:
            return self.dags.get_dag(dag_id)
        except NotFoundException:
            return None

    def import_error(self, filename: str, stale: datetime | None = None) -> Any | None:
        """The import error the server holds for `filename`, unless it is the `stale` one."""
        found = self.errors.get_import_errors(filename_pattern=filename, limit=100).import_errors
        for err in found:
            if Path(err.filename).name == filename and err.timestamp != stale:
                return err
        return None


def deploy(
    files: Mapping[str, bytes],
    target: DeployTarget,
    *,
    trigger: bool = False,
    conf: Mapping[str, Any] | None = None,
    wait: bool = False,
    only: list[str] | None = None,
    log: Log = lambda _: None,
) -> DeployResult:
    """Deploy `files` (DAG file name -> bytes, as the airflow backend emits them)."""
    result = DeployResult()
    try:
        token = target.token or _login(target)
        server = _Server(target, token)
        _deploy(server, files, target, result, log)
        if trigger:
            for dag_id in [d for d in result.dag_ids if not only or d in only]:
                _run(server, dag_id, dict(conf or {}), wait, target, result, log)
    except DeployError as exc:
        result.diagnostics.append(exc.diagnostic)
    except Exception as exc:  # the client raises many kinds; report them without secrets
        result.diagnostics.append(Diagnostic.of(codes.DEPLOY_FAILED, None, _describe(exc)))
    return result


def _login(target: DeployTarget) -> str:
    if not target.username or target.password is None:
        raise _failed("give --token, or --username and --password")
    return fetch_token(target.url, target.username, target.password)


def _describe(exc: Exception) -> str:
    status = getattr(exc, "status", None)
    reason = getattr(exc, "reason", None)
    if status is not None:
        return f"the Airflow API answered HTTP {status} {reason or ''}".strip()
    return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"


def _deploy(server: _Server, files: Mapping[str, bytes], target: DeployTarget, result: DeployResult, log: Log) -> None:
    before = {Path(rel).stem: server.dag(Path(rel).stem) for rel in sorted(files)}
    # An import error already recorded for a file belongs to an earlier version of it.
    stale = {rel: getattr(server.import_error(Path(rel).name), "timestamp", None) for rel in sorted(files)}
    written = write_all(target.dags_folder, files)
    for path in written:
        log(f"wrote {path}")
    for dag in before.values():
        if dag is not None:
            server.parsing.reparse_dag_file(dag.file_token)
    for rel in sorted(files):
        dag_id = Path(rel).stem
        previous = before[dag_id]
        if _await_parse(server, dag_id, rel, previous, stale[rel], target, result):
            from airflow_client.client.models.dag_patch_body import DAGPatchBody

            server.dags.patch_dag(dag_id, DAGPatchBody(is_paused=False))
            result.dag_ids.append(dag_id)
            log(f"dag {dag_id} is parsed and unpaused")


def _await_parse(
    server: _Server, dag_id: str, rel: str, previous: Any | None, stale: datetime | None,
    target: DeployTarget, result: DeployResult,
) -> bool:
    deadline = time.monotonic() + target.timeout
    known = previous.last_parsed_time if previous is not None else None
    while time.monotonic() < deadline:
        err = server.import_error(Path(rel).name, stale)
        if err is not None:
            result.diagnostics.append(import_error_diagnostic(target.dags_folder / rel, err.stack_trace))
            return False
        dag = server.dag(dag_id)
        if dag is not None and (previous is None or (dag.last_parsed_time and dag.last_parsed_time != known)):
            return True
        time.sleep(target.poll)
    raise _failed(f"dag {dag_id} did not appear within {target.timeout:.0f} s (is {target.dags_folder} the server's DAG folder?)")


def import_error_diagnostic(path: Path, stack_trace: str) -> Diagnostic:
    """FLC805 naming the file, pointing at its failing line, with the error's last line."""
    lines = [ln for ln in stack_trace.strip().splitlines() if ln.strip()]
    message = lines[-1].strip() if lines else "unknown error"
    span = None
    for match in re.finditer(r'File "([^"]+)", line (\d+)', stack_trace):
        if Path(match.group(1)).name == path.name:
            line = int(match.group(2))
            span = Span(path=str(path), line=line, col=1, end_line=line, end_col=1)
    return Diagnostic.of(codes.DEPLOY_IMPORT_ERROR, span, str(path), message)


def _run(server: _Server, dag_id: str, conf: dict[str, Any], wait: bool, target: DeployTarget, result: DeployResult, log: Log) -> None:
    from airflow_client.client.models.trigger_dag_run_post_body import TriggerDAGRunPostBody

    run = server.runs.trigger_dag_run(dag_id, TriggerDAGRunPostBody(conf=conf, logical_date=None))
    result.runs[dag_id] = run.dag_run_id
    log(f"triggered {dag_id} run {run.dag_run_id}")
    if not wait:
        return
    deadline = time.monotonic() + target.timeout
    state = str(run.state.value if hasattr(run.state, "value") else run.state)
    while state not in FINAL_STATES and time.monotonic() < deadline:
        time.sleep(target.poll)
        run = server.runs.get_dag_run(dag_id, run.dag_run_id)
        state = str(run.state.value if hasattr(run.state, "value") else run.state)
    result.run_states[dag_id] = state
    tasks = server.tis.get_task_instances(dag_id, run.dag_run_id, limit=1000).task_instances
    states = sorted((t.task_id, t.map_index, str(t.state.value if t.state is not None else "none")) for t in tasks)
    result.task_states[dag_id] = states
    for task_id, index, task_state in states:
        log(f"  {task_id}{'' if index < 0 else f'[{index}]'}: {task_state}")
    log(f"run {run.dag_run_id} of {dag_id}: {state}")
    if state != "success":
        reason = "did not finish in time" if state not in FINAL_STATES else f"ended {state}"
        raise _failed(f"run {run.dag_run_id} of {dag_id} {reason}")
