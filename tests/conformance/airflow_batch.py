"""Many programs' Airflow runs in a few dags folders and Airflow processes.

Starting Airflow costs seconds, so programs share processes: every selected program is
compiled into its own subfolder of a chunk's dags folder, and one `run_dags` call per
chunk (one migrated AIRFLOW_HOME for all) runs the chunk's runs. Chunks stay small
because `dag.test()` re-parses and re-syncs its whole bundle (the dags folder) on every
call (`airflow/sdk/definitions/dag.py`, `DAG.test`), so one folder of every program
would cost programs x runs parses. A program that does not compile, or whose file does
not import, fails only its own tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.backends.airflow.harness import DagRunReport, run_dags, session_home
from tests.conformance.catalogue import Entry
from tests.conformance.runners import RunResult
from tests.conformance.runners import airflow as runner


CHUNK = 12  # programs per Airflow process


class AirflowBatch:
    """The Airflow results of `entries`, computed once."""

    def __init__(self, entries: list[Entry], workdir: Path, program_of: Any, pipeline_name: Any) -> None:
        self.workdir, self.home = workdir, session_home()
        self.program_of, self.pipeline_name = program_of, pipeline_name
        self.failed: dict[str, str] = {}
        self.reports: dict[tuple[str, int], DagRunReport] = {}
        self.import_errors: dict[str, str] = {}
        self.chunk_of = {e.id: i // CHUNK for i, e in enumerate(sorted(entries, key=lambda e: e.id))}
        for chunk in sorted(set(self.chunk_of.values())):
            self._run_chunk([e for e in entries if self.chunk_of[e.id] == chunk], chunk)

    def _run_chunk(self, entries: list[Entry], chunk: int) -> None:
        runs: list[tuple[str, dict[str, Any]]] = []
        keys: list[tuple[str, int]] = []
        for entry in entries:
            try:
                runner.compile_into(self.program_of(entry), self._folder(entry))
            except AssertionError as exc:
                self.failed[entry.id] = f"compile: {exc}"
                continue
            for i, args in enumerate(entry.runs):
                runs.append((runner.dag_id(self.pipeline_name(entry)), dict(args)))
                keys.append((entry.id, i))
        if runs:
            folder = self.workdir / f"dags-{chunk}"
            report = run_dags(self.home, folder, runs, self.workdir / "artifacts", timeout=120 + 30 * len(runs))
            self.import_errors.update(report.import_errors)
            self.reports.update(zip(keys, report.runs, strict=True))

    def _folder(self, entry: Entry) -> Path:
        return self.workdir / f"dags-{self.chunk_of[entry.id]}" / f"{entry.area}__{entry.name}"

    def result(self, entry: Entry, run: int) -> RunResult:
        assert entry.id not in self.failed, self.failed[entry.id]
        mine = {f: e for f, e in self.import_errors.items() if f.startswith(str(self._folder(entry)))}
        assert not mine, mine
        return runner.result_of(self.program_of(entry), self.pipeline_name(entry), self.reports[(entry.id, run)], self.home)
