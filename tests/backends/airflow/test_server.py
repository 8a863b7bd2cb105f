"""End to end: a real Airflow 3.3 server on 127.0.0.1, `flowc deploy --trigger --wait`, the API."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flowc.backends.airflow.deploy import DeployTarget, deploy, fetch_token
from tests.backends.airflow.server import LOOPBACK, AirflowServer, free_port, group_pids, listening_addresses
from tests.conftest import EXAMPLES, ROOT

pytestmark = [pytest.mark.server, pytest.mark.engine, pytest.mark.xdist_group("airflow-server")]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[AirflowServer]:
    home = tmp_path_factory.mktemp("airflow-server")
    srv = AirflowServer(home, home / "dags", free_port())
    srv.dags.mkdir()
    try:
        srv.start()
        srv.wait_healthy()
        yield srv
    finally:
        srv.stop()


def test_every_component_listens_on_loopback_only(server: AirflowServer) -> None:
    pids = group_pids(server.procs[0].pid)
    assert len(pids) >= 4
    addresses = listening_addresses(pids)
    assert addresses and addresses <= LOOPBACK, addresses


def test_deploy_trigger_wait_runs_the_pipeline_and_xcom_is_readable(server: AirflowServer) -> None:
    password = server.password()
    proc = subprocess.run(
        [sys.executable, "-m", "flowc.cli", "deploy", "--url", server.url, "--dags-folder", str(server.dags),
         "--username", "admin", "--password", password, "--trigger", "--wait",
         "--conf", '{"min_count": 4}', str(EXAMPLES / "feature_etl.py"), "--root", str(EXAMPLES)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr + server.logs()
    assert password not in proc.stdout + proc.stderr
    fused = "parse_clean_featurize_summarize"  # the example's chain runs as one fused task
    assert re.search(rf"^  {fused}: success$", proc.stdout, re.M), proc.stdout
    run_id = re.search(r"triggered feature_etl run (\S+)", proc.stdout)
    assert run_id is not None

    import airflow_client.client as client

    api = client.ApiClient(client.Configuration(host=server.url, access_token=fetch_token(server.url, "admin", password)))
    xcom = client.XComApi(api).get_xcom_entry("feature_etl", fused, run_id.group(1), "return_value", deserialize=True).actual_instance
    assert xcom is not None and xcom.value == {"output": 9}
    results = client.XComApi(api).get_xcom_entry(
        "feature_etl", "flowc-results", run_id.group(1), "return_value", deserialize=True
    ).actual_instance
    assert results is not None and results.value == {"output": 9}
    dag = client.DAGApi(api).get_dag("feature_etl")
    assert dag.is_paused is False


def test_deploying_a_file_that_fails_to_import_is_a_flowc_diagnostic(server: AirflowServer) -> None:
    broken = b"from airflow.sdk import DAG\n\nwith DAG(dag_id='broken_dag', schedule=None):\n    raise ValueError('no such table: boom')\n"
    target = DeployTarget(server.url, server.dags, username="admin", password=server.password(), timeout=90, poll=1)
    result = deploy({"broken_dag.py": broken}, target)
    assert not result.ok
    [diag] = result.diagnostics
    assert diag.code == "FLC805"
    assert "broken_dag.py" in diag.message and "ValueError: no such table: boom" in diag.message
    assert "Traceback" not in diag.message
    assert diag.span is not None and diag.span.line == 4 and Path(diag.span.path).name == "broken_dag.py"
    # the fixed file deploys: the import error of the broken version is not taken for a new one
    fixed = b"from airflow.sdk import DAG\nfrom airflow.providers.standard.operators.empty import EmptyOperator\n\nwith DAG(dag_id='broken_dag', schedule=None):\n    EmptyOperator(task_id='ok')\n"
    result = deploy({"broken_dag.py": fixed}, target)
    assert result.ok, result.diagnostics
    assert result.dag_ids == ["broken_dag"]


def test_wrong_password_is_a_deploy_diagnostic_without_the_secret(server: AirflowServer) -> None:
    target = DeployTarget(server.url, server.dags, username="admin", password="not-the-password-xyz")
    result = deploy({}, target)
    [diag] = result.diagnostics
    assert diag.code == "FLC804" and "401" in diag.message
    assert "not-the-password-xyz" not in diag.message
