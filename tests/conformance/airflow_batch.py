"""Many programs' Airflow runs in one dags folder and one Airflow process.

`dag.test()` costs seconds per run, most of it Airflow starting up; the construct
suite compiles every selected program into its own subfolder of one dags folder, then
one `run_dags` call (one DagBag parse, one migrated AIRFLOW_HOME) runs them all. A
program that does not compile, or whose file does not import, fails only its own tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.backends.airflow.harness import DagRunReport, run_dags, session_home
from tests.conformance.catalogue import Entry
from tests.conformance.runners import RunResult
from tests.conformance.runners import airflow as runner


class AirflowBatch:
    """The Airflow results of `entries`, computed once."""

    def __init__(self, entries: list[Entry], workdir: Path, program_of: Any, pipeline_name: Any) -> None:
        self.workdir, self.home = workdir, session_home()
        self.program_of, self.pipeline_name = program_of, pipeline_name
        self.failed: dict[str, str] = {}
        self.reports: dict[tuple[str, int], DagRunReport] = {}
        self.import_errors: dict[str, str] = {}
        runs: list[tuple[str, dict[str, Any]]] = []
        keys: list[tuple[str, int]] = []
        for entry in entries:
            try:
                runner.compile_into(program_of(entry), self._folder(entry))
            except AssertionError as exc:
                self.failed[entry.id] = f"compile: {exc}"
                continue
            for i, args in enumerate(entry.runs):
                runs.append((runner.dag_id(pipeline_name(entry)), dict(args)))
                keys.append((entry.id, i))
        if runs:
            report = run_dags(self.home, workdir / "dags", runs, workdir / "artifacts", timeout=120 + 30 * len(runs))
            self.import_errors = report.import_errors
            self.reports = dict(zip(keys, report.runs, strict=True))

    def _folder(self, entry: Entry) -> Path:
        return self.workdir / "dags" / f"{entry.area}__{entry.name}"

    def result(self, entry: Entry, run: int) -> RunResult:
        assert entry.id not in self.failed, self.failed[entry.id]
        mine = {f: e for f, e in self.import_errors.items() if f.startswith(str(self._folder(entry)))}
        assert not mine, mine
        return runner.result_of(self.program_of(entry), self.pipeline_name(entry), self.reports[(entry.id, run)], self.home)
