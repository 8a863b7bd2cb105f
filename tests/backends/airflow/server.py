"""A real Airflow 3 server on 127.0.0.1 for end-to-end tests.

The components start separately (api-server, scheduler and triggerer with
`--skip-serve-logs`, dag-processor), so nothing listens beyond loopback, all in one
new process group that `stop` signals as a whole: SIGTERM, then SIGKILL.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from tests.backends.airflow.harness import PYTHON, airflow_env, prepare_home

COMPONENTS = (
    ("api-server", ["api-server", "--host", "127.0.0.1", "--port", "{port}", "--workers", "1"]),
    ("scheduler", ["scheduler", "--skip-serve-logs"]),
    ("dag-processor", ["dag-processor"]),
    ("triggerer", ["triggerer", "--skip-serve-logs"]),
)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class AirflowServer:
    home: Path
    dags: Path
    port: int
    procs: list[subprocess.Popen[bytes]] = field(default_factory=lambda: [])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        env = airflow_env(self.home, self.dags, self.home / "artifacts")
        env.update(
            AIRFLOW__API__HOST="127.0.0.1",
            AIRFLOW__API__PORT=str(self.port),
            AIRFLOW__API__BASE_URL=self.url,
            AIRFLOW__CORE__EXECUTION_API_SERVER_URL=f"{self.url}/execution/",
            AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL="3",
            AIRFLOW__DAG_PROCESSOR__MIN_FILE_PROCESS_INTERVAL="3",
            AIRFLOW__SCHEDULER__SCHEDULER_HEARTBEAT_SEC="1",
            AIRFLOW__CORE__PARALLELISM="4",
            AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="admin:admin",
        )
        return env

    def start(self) -> None:
        prepare_home(self.home)
        airflow = str(Path(PYTHON).parent / "airflow")
        env = self.env()
        group = 0
        for name, args in COMPONENTS:
            argv = [airflow, *(a.format(port=self.port) for a in args)]
            log = open(self.home / f"{name}.log", "wb")  # noqa: SIM115 (closed with the process)
            proc = subprocess.Popen(argv, env=env, stdout=log, stderr=subprocess.STDOUT, process_group=group)
            group = group or proc.pid
            self.procs.append(proc)

    def wait_healthy(self, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if any(p.poll() is not None for p in self.procs):
                raise RuntimeError("an Airflow component exited:\n" + self.logs())
            try:
                with urllib.request.urlopen(f"{self.url}/api/v2/monitor/health", timeout=2) as r:
                    health = json.loads(r.read())
                if all(health.get(k, {}).get("status") == "healthy" for k in ("metadatabase", "scheduler")):
                    return
            except OSError:
                pass
            time.sleep(1)
        raise RuntimeError("Airflow did not become healthy:\n" + self.logs())

    def password(self) -> str:
        data = json.loads((self.home / "simple_auth_manager_passwords.json.generated").read_text())
        return str(data["admin"])

    def logs(self) -> str:
        return "\n".join(f"--- {p.name}\n{p.read_text(errors='replace')[-2000:]}" for p in sorted(self.home.glob("*.log")))

    def stop(self) -> None:
        if not self.procs:
            return
        group = self.procs[0].pid
        for sig, grace in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 5.0)):
            try:
                os.killpg(group, sig)
            except ProcessLookupError:
                break
            deadline = time.monotonic() + grace
            while time.monotonic() < deadline and any(p.poll() is None for p in self.procs):
                time.sleep(0.2)
            if _group_gone(group):
                break
        for p in self.procs:
            if p.poll() is None:
                p.kill()
            p.wait(timeout=5)


def _group_gone(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return True
    return False


def group_pids(group: int) -> list[int]:
    """Live processes of a process group (from /proc)."""
    pids: list[int] = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == group:  # fields after the name: state, ppid, pgrp, ...
            pids.append(int(stat.parent.name))
    return pids


def listening_addresses(pids: list[int]) -> set[str]:
    """Local addresses of the TCP sockets these processes listen on (IPv4 and IPv6, hex as in /proc)."""
    inodes: set[str] = set()
    for pid in pids:
        for fd in Path(f"/proc/{pid}/fd").glob("*"):
            try:
                target = os.readlink(fd)
            except OSError:
                continue
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
    found: set[str] = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                found.add(cols[1].split(":")[0])
    return found


LOOPBACK = {"0100007F", "00000000000000000000000001000000"}
