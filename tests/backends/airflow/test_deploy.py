"""Deploy without a server: unreachable servers, missing credentials and import errors as diagnostics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from flowc.backends.airflow.deploy import DeployTarget, deploy, import_error_diagnostic
from tests.backends.airflow.server import free_port
from tests.conftest import EXAMPLES, ROOT

TRACE = """Traceback (most recent call last):
  File "/opt/airflow/dags/churn.py", line 12, in <module>
    from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
ModuleNotFoundError: No module named 'airflow.providers.cncf'
"""


def test_import_error_becomes_a_located_flc805_naming_the_file() -> None:
    d = import_error_diagnostic(Path("/srv/dags/churn.py"), TRACE)
    assert d.code == "FLC805"
    assert d.message == "Airflow could not import /srv/dags/churn.py: ModuleNotFoundError: No module named 'airflow.providers.cncf'"
    assert d.span is not None and (d.span.path, d.span.line) == ("/srv/dags/churn.py", 12)


def test_unreachable_server_is_flc804_and_nothing_is_written(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    result = deploy({"x.py": b"x"}, DeployTarget(url, tmp_path, username="admin", password="s3cret-pw"))
    [d] = result.diagnostics
    assert d.code == "FLC804" and "cannot reach" in d.message and "s3cret-pw" not in d.message
    assert not (tmp_path / "x.py").exists()


def test_missing_credentials_is_flc804(tmp_path: Path) -> None:
    [d] = deploy({}, DeployTarget("http://127.0.0.1:1", tmp_path)).diagnostics
    assert d.code == "FLC804" and "--token" in d.message


def test_cli_deploy_reports_diagnostics_and_exits_1(tmp_path: Path) -> None:
    url = f"http://127.0.0.1:{free_port()}"
    proc = subprocess.run(
        [sys.executable, "-m", "flowc.cli", "deploy", "--url", url, "--dags-folder", str(tmp_path),
         "--token", "tok-secret-123", str(EXAMPLES / "feature_etl.py"), "--root", str(EXAMPLES)],
        capture_output=True, text=True, cwd=ROOT, timeout=120,
    )
    assert proc.returncode == 1
    assert "error[FLC804]" in proc.stderr and "tok-secret-123" not in proc.stdout + proc.stderr
