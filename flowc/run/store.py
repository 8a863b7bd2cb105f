"""The local runner's store: run records and the step cache in SQLite, artifacts as files.

Layout of a store (default `.flowc/runs` beside the project's pyproject.toml; `[tool.flowc]
store = "..."` or `--store` name another):

    runs.sqlite3                   runs and steps (WAL mode: -wal and -shm files beside it)
    artifacts/<run id>/<step>/     the artifacts a step of that run wrote (`artifact_dir`)

Artifacts are kept per run, not by content: a step writes straight into its folder, so
its paths stay the ones the runner handed on, and a run's files are one folder to look
at or delete. A cache hit does not copy: the new run's record points at the files of the
run that computed them (`flowc show` tells which).

Crash safety. A row is the commit point of a step: `record_step` first makes the step's
artifacts durable (each file and folder fsynced; an artifact written elsewhere is moved
into the step's folder through a temporary name, fsynced, and renamed into place), and
only then commits the row that names them, in one transaction. A crash, SIGKILL or Ctrl-C
at any moment leaves either the whole row with durable files or no row (the step runs
again on `--resume`, after `artifact_dir` has cleared what the interrupted attempt left).
A succeeded step whose artifact is missing is refused, so no row points to a missing file.

SQLite settings. WAL lets readers (`flowc runs`, a second `flowc run` checking its cache)
proceed while a step is being recorded. `synchronous=FULL`: in WAL mode NORMAL already
survives the process being killed (the WAL is in the OS's page cache), but after a power
loss or OS crash it may drop the last commits; a finished step's result must never be
lost, and one fsync per recorded step costs far less than the step itself. Every write is
a `BEGIN IMMEDIATE` transaction (it takes the write lock up front, so two writers never
deadlock upgrading a read lock), with a busy timeout for other processes; within a
process one connection is shared by the runner's threads under a lock.
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import threading
import time
from collections.abc import Generator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import cast

from flowc.run import durable, paths
from flowc.run.records import (
    GOOD_STATES,
    RUN_STATES,
    STEP_STATES,
    RunRecord,
    RunState,
    StepCounts,
    StepRecord,
    StepResult,
    StepState,
    new_run_id,
    pid_alive,
)

DEFAULT_STORE = Path(".flowc") / "runs"
DATABASE = "runs.sqlite3"
BUSY_TIMEOUT_S = 60.0
SCHEMA_VERSION = 1
SCHEMA = (
    "CREATE TABLE runs (id TEXT PRIMARY KEY, pipeline TEXT NOT NULL, source TEXT NOT NULL, params TEXT NOT NULL,"
    " state TEXT NOT NULL, started REAL NOT NULL, ended REAL, pid INTEGER, host TEXT)",
    "CREATE TABLE steps (seq INTEGER PRIMARY KEY, run_id TEXT NOT NULL REFERENCES runs (id), path TEXT NOT NULL,"
    " name TEXT NOT NULL, state TEXT NOT NULL, step_key TEXT, inputs_digest TEXT, outputs TEXT NOT NULL,"
    " artifacts TEXT NOT NULL, started REAL NOT NULL, ended REAL NOT NULL, attempts INTEGER NOT NULL,"
    " error TEXT, log TEXT NOT NULL, UNIQUE (run_id, path))",
    "CREATE INDEX steps_cache ON steps (step_key, inputs_digest) WHERE state IN ('succeeded', 'cached')",
)


def store_root(explicit: Path | None = None, configured: Path | None = None, pyproject: Path | None = None) -> Path:
    """Where the store is: `--store`, else `[tool.flowc] store`, else `.flowc/runs` beside pyproject.toml, else here."""
    if explicit is not None:
        return explicit
    if configured is not None:
        return configured
    return (pyproject.parent if pyproject is not None else Path()) / DEFAULT_STORE


class StoreError(Exception):
    """The store cannot do what was asked (unknown run id, a missing artifact, a newer schema)."""


class RunStore:
    """Runs, steps and cached results of `flowc run` under one folder; safe for threads and processes."""

    def __init__(self, root: Path, connection: sqlite3.Connection) -> None:
        self.root = root
        self._db = connection
        self._lock = threading.RLock()

    @classmethod
    def open(cls, root: Path) -> RunStore:
        """Open (creating if need be) the store in folder `root`."""
        root = Path(os.path.abspath(root))
        durable.make_dirs(root / "artifacts", root.parent)
        ignore = root / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# flowc run's store: never commit it\n*\n", encoding="utf-8")
        connection = sqlite3.connect(
            root / DATABASE, timeout=BUSY_TIMEOUT_S, isolation_level=None, check_same_thread=False
        )
        store = cls(root, connection)
        store._set_up()
        return store

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> RunStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- runs ---

    def begin_run(self, pipeline: str, source: str, params: Mapping[str, object]) -> str:
        """Record a new run (state `running`) and return its id."""
        blob = _json(dict(params))
        for _ in range(8):
            run_id = new_run_id()
            try:
                with self._write() as db:
                    db.execute(
                        "INSERT INTO runs (id, pipeline, source, params, state, started, pid, host)"
                        " VALUES (?, ?, ?, ?, 'running', ?, ?, ?)",
                        (run_id, pipeline, source, blob, time.time(), os.getpid(), socket.gethostname()),
                    )
                return run_id
            except sqlite3.IntegrityError:  # the same id in the same second: draw again
                continue
        raise StoreError("could not draw a fresh run id")

    def reopen_run(self, run_id: str) -> None:
        """Mark an earlier run `running` again, by this process (`--resume` continuing it under its own id)."""
        with self._write() as db:
            db.execute(
                "UPDATE runs SET state = 'running', ended = NULL, pid = ?, host = ? WHERE id = ?",
                (os.getpid(), socket.gethostname(), self.resolve(run_id)),
            )

    def finish_run(self, run_id: str, state: RunState) -> None:
        """Record how a run ended (`succeeded`, `failed` or `interrupted`)."""
        if state not in RUN_STATES:
            raise ValueError(f"unknown run state {state!r}; one of {', '.join(RUN_STATES)}")
        with self._write() as db:
            db.execute("UPDATE runs SET state = ?, ended = ? WHERE id = ?", (state, time.time(), run_id))

    def runs(self) -> list[RunRecord]:
        """Every run, newest first, with its step counts."""
        with self._lock:
            rows = self._db.execute("SELECT * FROM runs ORDER BY id DESC").fetchall()
            counts = self._db.execute("SELECT run_id, state, COUNT(*) FROM steps GROUP BY run_id, state").fetchall()
        by_run: dict[str, dict[str, int]] = {}
        for run_id, state, n in counts:
            by_run.setdefault(run_id, {})[state] = n
        return [self._run(row, by_run.get(row["id"], {})) for row in rows]

    def run(self, run_id: str) -> RunRecord:
        """One run, by id or unique prefix (`latest` for the newest)."""
        found = self.resolve(run_id)
        return next(r for r in self.runs() if r.id == found)

    def resolve(self, ref: str) -> str:
        """The full id of the run `ref` names: its id, a unique prefix of it, or `latest`."""
        with self._lock:
            if ref in ("latest", "last"):
                row = self._db.execute("SELECT id FROM runs ORDER BY id DESC LIMIT 1").fetchone()
                ids = [] if row is None else [row["id"]]
            else:
                pattern = ref.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
                rows = self._db.execute("SELECT id FROM runs WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (pattern,))
                ids = [r["id"] for r in rows.fetchall()]
        if ref in ids:
            return ref
        if len(ids) != 1:
            what = "no run" if not ids else f"{len(ids)} runs ({', '.join(ids[:5])})"
            raise StoreError(f"{what} in {self.root} match {ref!r}; `flowc runs` lists them")
        return cast("str", ids[0])

    # --- steps ---

    def artifact_dir(self, run_id: str, path: str) -> Path:
        """The folder where step `path` of `run_id` writes its artifacts (created; see the module doc).

        Unless the step is already recorded with its outputs in this run, whatever an
        interrupted attempt left there is removed first.
        """
        folder = self.root / "artifacts" / run_id / paths.step_folder(path)
        folder.mkdir(parents=True, exist_ok=True)  # made durable with the artifacts a row names (`_settle`)
        if self._good_row(run_id, path) is None:
            durable.clear_folder(folder)
        return folder

    def record_step(self, run_id: str, record: StepRecord) -> StepRecord:
        """Commit a step's record after its artifacts are durable; returns it with its artifacts' final paths.

        An artifact outside the step's folder is moved into it (copied when it is another
        step's, in the store); the returned record says where. A record naming a missing
        artifact raises `StoreError` and records nothing. Recording a step again in the same
        run replaces its record.
        """
        if record.state not in STEP_STATES:
            raise ValueError(f"unknown step state {record.state!r}; one of {', '.join(STEP_STATES)}")
        if record.state == "succeeded":
            record = replace(record, artifacts=self._settle(run_id, record))
        else:
            _require_existing(record)
        artifacts = {name: self._stored_path(p) for name, p in record.artifacts.items()}
        row = (
            run_id, record.path, record.name, record.state, record.step_key, record.inputs_digest,
            _json(record.outputs), _json(artifacts), record.started, record.ended, record.attempts,
            record.error, record.log,
        )
        with self._write() as db:
            db.execute(f"INSERT OR REPLACE INTO steps ({_STEP_COLUMNS}) VALUES ({', '.join('?' * len(row))})", row)
        return record

    def steps(self, run_id: str) -> list[StepRecord]:
        """The steps recorded for a run, in the order they started."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM steps WHERE run_id = ? ORDER BY started, seq", (self.resolve(run_id),)
            ).fetchall()
        return [self._step(row) for row in rows]

    def cached(self, step_key: str, inputs_digest: str) -> StepResult | None:
        """The newest result of a step with this key and these inputs whose artifacts all still exist.

        A `cached` record counts as well as the `succeeded` one it copied (same outputs, same
        files), so a run resumed over its own cached steps still serves them.
        """
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM steps WHERE step_key = ? AND inputs_digest = ? AND state IN ('succeeded', 'cached')"
                " ORDER BY ended DESC",
                (step_key, inputs_digest),
            ).fetchall()
        for row in rows:
            record = self._step(row)
            if all(p.exists() for p in record.artifacts.values()):
                return StepResult(
                    run_id=row["run_id"], path=record.path, outputs=record.outputs,
                    artifacts=record.artifacts, ended=record.ended,
                )
        return None

    def origins(self, run_id: str) -> dict[str, str]:
        """Step path -> the run that computed the result, for each cached step of `run_id`.

        Known exactly when the step has artifacts in the store (their folder names the run),
        else the newest run that computed the same key and inputs before the hit.
        """
        out: dict[str, str] = {}
        for step in self.steps(run_id):
            if step.state != "cached":
                continue
            found = self._artifacts_run(step) or self._computed_before(step)
            if found is not None:
                out[step.path] = found
        return out

    def resume_plan(self, run_id: str) -> dict[str, StepRecord]:
        """Step path -> record, for the steps of `run_id` that ended with their outputs and whose files still exist."""
        return {
            s.path: s
            for s in self.steps(run_id)
            if s.state in GOOD_STATES and all(p.exists() for p in s.artifacts.values())
        }

    # --- internals ---

    def _set_up(self) -> None:
        self._db.row_factory = sqlite3.Row
        self._db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
        self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        with self._write() as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise StoreError(f"{self.root / DATABASE} was written by a newer flowc (schema {version})")
            if version < SCHEMA_VERSION:
                db.executescript_statements(SCHEMA)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    @contextmanager
    def _write(self) -> Generator[_Transaction]:
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield _Transaction(self._db)
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    def _good_row(self, run_id: str, path: str) -> sqlite3.Row | None:
        with self._lock:
            return self._db.execute(
                "SELECT state FROM steps WHERE run_id = ? AND path = ? AND state IN ('succeeded', 'cached')",
                (run_id, path),
            ).fetchone()

    def _settle(self, run_id: str, record: StepRecord) -> dict[str, Path]:
        """The step's artifacts, durable inside its folder (moved there when written elsewhere)."""
        _require_existing(record)
        folder = self.root / "artifacts" / run_id / paths.step_folder(record.path)
        durable.make_dirs(folder, self.root)
        out: dict[str, Path] = {}
        for name, artifact in record.artifacts.items():
            artifact = Path(os.path.abspath(artifact))
            if Path(os.path.realpath(artifact)).is_relative_to(os.path.realpath(folder)):
                durable.fsync_tree(artifact)
            else:  # copied when another step's record may name it, else moved
                target = folder / paths.artifact_name(name, artifact)
                owned = Path(os.path.realpath(artifact)).is_relative_to(os.path.realpath(self.root / "artifacts"))
                durable.move_into_place(artifact, target, keep_source=owned)
                artifact = target
            out[name] = artifact
        if out:  # the step's folder and each above it: no row names a file a crash can unlink
            durable.sync_dirs(folder, self.root)
        return out

    def _artifacts_run(self, step: StepRecord) -> str | None:
        for path in step.artifacts.values():
            parts = Path(self._stored_path(path)).parts
            if len(parts) > 2 and parts[0] == "artifacts":
                return parts[1]
        return None

    def _computed_before(self, step: StepRecord) -> str | None:
        with self._lock:
            row = self._db.execute(
                "SELECT run_id FROM steps WHERE step_key = ? AND inputs_digest = ? AND state = 'succeeded' AND ended <= ?"
                " ORDER BY ended DESC LIMIT 1",
                (step.step_key, step.inputs_digest, step.ended),
            ).fetchone()
        return None if row is None else cast("str", row["run_id"])

    def _stored_path(self, path: Path) -> str:
        """How a row names a file: relative to the store when inside it (the store may move), else absolute."""
        absolute = Path(os.path.abspath(path))
        return absolute.relative_to(self.root).as_posix() if absolute.is_relative_to(self.root) else str(absolute)

    def _step(self, row: sqlite3.Row) -> StepRecord:
        artifacts = cast("dict[str, str]", json.loads(row["artifacts"]))
        return StepRecord(
            path=row["path"], name=row["name"], state=cast("StepState", row["state"]),
            step_key=row["step_key"], inputs_digest=row["inputs_digest"],
            outputs=cast("dict[str, object]", json.loads(row["outputs"])),
            artifacts={k: self.root / v for k, v in artifacts.items()},  # an absolute v stays itself
            started=row["started"], ended=row["ended"], attempts=row["attempts"], error=row["error"], log=row["log"],
        )

    def _run(self, row: sqlite3.Row, counts: dict[str, int]) -> RunRecord:
        state = cast("RunState", row["state"])
        if state == "running" and row["host"] == socket.gethostname() and not pid_alive(row["pid"]):
            state = "interrupted"  # its process is gone: killed, or the machine restarted
        return RunRecord(
            id=row["id"], pipeline=row["pipeline"], source=row["source"],
            params=cast("dict[str, object]", json.loads(row["params"])), state=state,
            started=row["started"], ended=row["ended"],
            counts=StepCounts(**{s: counts.get(s, 0) for s in STEP_STATES}),
        )


_STEP_COLUMNS = (
    "run_id, path, name, state, step_key, inputs_digest, outputs, artifacts, started, ended, attempts, error, log"
)


class _Transaction:
    """The connection inside `BEGIN IMMEDIATE ... COMMIT` (no implicit commits: never `executescript`)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, params: tuple[object, ...] = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, params)

    def executescript_statements(self, statements: tuple[str, ...]) -> None:
        for statement in statements:
            self._db.execute(statement)


def _require_existing(record: StepRecord) -> None:
    for name, artifact in record.artifacts.items():
        if not os.path.lexists(artifact):
            raise StoreError(f"step {record.path}: its artifact {name!r} is not at {artifact}")


def _json(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
