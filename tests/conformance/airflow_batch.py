"""Many programs' Airflow runs in a few dags folders and Airflow processes.

Starting Airflow costs seconds, so programs share processes: every selected program
(optimized, and unoptimized where that variant runs) is compiled into its own subfolder
of a chunk's dags folder (a chunk holds one variant: DAG ids repeat across variants), and one `run_dags` call per
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
from tests.conformance.variants import variant_id


CHUNK = 12  # programs per Airflow process

Selected = tuple[Entry, bool]  # a program and whether it is compiled optimized


class AirflowBatch:
    """The Airflow results of `selected`, computed once."""

    def __init__(self, selected: list[Selected], workdir: Path, program_of: Any, pipeline_name: Any) -> None:
        self.workdir, self.home = workdir, session_home()
        self.program_of, self.pipeline_name = program_of, pipeline_name
        self.failed: dict[tuple[str, bool], str] = {}
        self.reports: dict[tuple[str, bool, int], DagRunReport] = {}
        self.import_errors: dict[str, str] = {}
        self.folders: dict[tuple[str, bool], Path] = {}
        for optimize in (True, False):
            mine = sorted((e for e, o in selected if o == optimize), key=lambda e: e.id)
            for start in range(0, len(mine), CHUNK):
                self._run_chunk(mine[start : start + CHUNK], optimize, self._chunk_folder(optimize, start // CHUNK))

    def _chunk_folder(self, optimize: bool, chunk: int) -> Path:
        return self.workdir / f"dags{variant_id(optimize)}-{chunk}"

    def _run_chunk(self, entries: list[Entry], optimize: bool, folder: Path) -> None:
        runs: list[tuple[str, dict[str, Any]]] = []
        keys: list[tuple[str, bool, int]] = []
        for entry in entries:
            self.folders[(entry.id, optimize)] = folder / f"{entry.area}__{entry.name}"
            try:
                runner.compile_into(self.program_of(entry, optimize), self.folders[(entry.id, optimize)])
            except AssertionError as exc:
                self.failed[(entry.id, optimize)] = f"compile: {exc}"
                continue
            for i, args in enumerate(entry.runs):
                runs.append((runner.dag_id(self.pipeline_name(entry)), dict(args)))
                keys.append((entry.id, optimize, i))
        if runs:
            report = run_dags(self.home, folder, runs, self.workdir / "artifacts", timeout=120 + 30 * len(runs))
            self.import_errors.update(report.import_errors)
            self.reports.update(zip(keys, report.runs, strict=True))

    def result(self, entry: Entry, optimize: bool, run: int) -> RunResult:
        assert (entry.id, optimize) not in self.failed, self.failed[(entry.id, optimize)]
        folder = str(self.folders[(entry.id, optimize)])
        mine = {f: e for f, e in self.import_errors.items() if f.startswith(folder)}
        assert not mine, mine
        report = self.reports[(entry.id, optimize, run)]
        return runner.result_of(self.program_of(entry, optimize), self.pipeline_name(entry), report, self.home)
