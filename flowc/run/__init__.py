"""`flowc run`: a pipeline's optimized IR executed on this machine, no engine installed.

    outcome = run_pipeline(["examples/churn.py"], params=["bar=0.5"], jobs=4)
    outcome.state, outcome.outputs, outcome.run_id

Each step runs in a process of its own with the program the engines get
(`flowc/codegen/task_program.py`), independent steps side by side (`executor.py`),
results and the step cache in the run store (`store.py`).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Generator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic, has_errors
from flowc.ir.model import ContainerTask, Pipeline, PipelineNode, Program, TaskNode, iter_nodes
from flowc.ir.task_options import ProjectDefaults

if TYPE_CHECKING:
    from flowc.run.container_step import ContainerMode
    from flowc.run.executor import Progress
    from flowc.run.fork_server import StepServer
    from flowc.run.prepared import Prepared
    from flowc.run.records import StepRecord
    from flowc.run.store import RunStore


@dataclass
class RunOutcome:
    """What one `flowc run` did: its id and state, the pipeline's outputs, its steps, or why it did not start."""

    run_id: str | None = None
    state: str = "not started"
    outputs: dict[str, object] = field(default_factory=lambda: {})
    steps: list[StepRecord] = field(default_factory=lambda: [])
    diagnostics: list[Diagnostic] = field(default_factory=lambda: [])
    sources: dict[str, str] = field(default_factory=lambda: {})

    @property
    def ok(self) -> bool:
        return self.state == "succeeded" and not has_errors(self.diagnostics)


def run_pipeline(
    paths: Sequence[str | Path],
    *,
    pipeline: str | None = None,
    params: Sequence[str] = (),
    jobs: int | None = None,
    use_cache: bool = True,
    resume: str | None = None,
    containers: ContainerMode | None = None,
    store: RunStore | None = None,
    store_root: Path | None = None,
    root: str | Path | None = None,
    defaults: ProjectDefaults | None = None,
    optimize: bool = True,
    out: TextIO | None = None,
    reuse: bool = False,
    pyproject: Path | None = None,
) -> RunOutcome:
    """Read `paths`, choose the pipeline, parse `params` (`k=v`), and run it; problems are diagnostics.

    With `resume`, the pipeline and parameters default to the resumed run's. With `reuse`,
    an unchanged project's prepared program is taken from the cache of the project of
    `pyproject` (`prepared.py`) rather than read again.
    """
    with early_server() as server:  # a warm Python for the steps, started while the pipeline is read
        loaded = _load(paths, root, defaults, optimize, reuse, pyproject)
        outcome = RunOutcome(diagnostics=list(loaded.diagnostics), sources=loaded.sources)
        if not loaded.ok:
            return outcome
        if store is None and resume is not None:
            store = open_store(store_root)
        previous = store.run(resume) if store is not None and resume is not None else None
        chosen = choose_pipeline(loaded.program, pipeline or (previous.pipeline if previous else None), outcome.diagnostics)
        if chosen is None:
            return outcome
        from flowc.run.params import given_names, parse_params

        values, problems = parse_params(chosen, params)
        problems.extend(container_problems(loaded.program, chosen, containers))
        if problems:
            outcome.diagnostics.extend(problems)
            return outcome
        if previous is not None:
            values = {**values, **previous.params, **{name: values[name] for name in given_names(params)}}
        run = run_program(
            loaded.program, chosen.name, values, store or open_store(store_root),
            jobs=jobs, use_cache=use_cache, resume=resume, containers=containers, out=out, server=server,
        )
        run.diagnostics, run.sources = outcome.diagnostics, outcome.sources
        return run


def _load(
    paths: Sequence[str | Path], root: str | Path | None, defaults: ProjectDefaults | None, optimize: bool,
    reuse: bool, pyproject: Path | None,
) -> Prepared:
    """The program to run: from the prepared-program cache when `reuse` (read on a miss), else read."""
    from flowc.run.prepared import Prepared, load_prepared

    if reuse:
        return load_prepared(paths, root=root, defaults=defaults, optimize=optimize, pyproject=pyproject)
    from flowc import api

    loaded = api.load(paths, root=root, defaults=defaults, optimize=optimize)
    return Prepared(loaded.program, loaded.diagnostics, loaded.sources)


def open_store(root: Path | None) -> RunStore:
    from flowc.run.store import DEFAULT_STORE, RunStore

    return RunStore.open(root or DEFAULT_STORE)


def run_program(
    program: Program,
    pipeline: str,
    params: dict[str, object],
    store: RunStore,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
    resume: str | None = None,
    containers: ContainerMode | None = None,
    out: TextIO | None = None,
    server: StepServer | None = None,
) -> RunOutcome:
    """Run `pipeline` of a prepared `program` with typed `params` (defaults filled in) into `store`.

    Python steps are forked by `server` (the caller's, which the caller closes), else by one
    started for this run when it has Python steps.
    """
    from flowc.run.container_step import container_mode
    from flowc.run.executor import Executor, Settings
    from flowc.run.process import accept_starts, kill_all
    from flowc.run.scope import Failed, Scope

    accept_starts()
    chosen = program.pipeline(pipeline)
    params = {**{p.name: p.default for p in chosen.params if p.has_default}, **params}
    source = chosen.span.path if chosen.span else ""
    if resume is not None:  # the same run, under its own id: its good steps are taken as they are
        run_id = store.resolve(resume)
        store.reopen_run(run_id)
        resumed = store.resume_plan(run_id)
    else:
        run_id, resumed = store.begin_run(chosen.name, source, params), {}
    progress = make_progress(out or sys.stdout)
    settings = Settings(jobs=jobs or os.cpu_count() or 1, use_cache=use_cache, containers=container_mode(containers), resumed=resumed)
    outcome = RunOutcome(run_id=run_id, state="failed")
    started = time.time()
    own_server = step_server(program, chosen) if server is None else None
    server = server or own_server
    executor = Executor(program, store, run_id, settings, progress, server)
    try:
        values = executor.pipeline(chosen, Scope(params))
        outcome.outputs, outcome.state = typed_outputs(chosen, values), "succeeded"
    except Failed:
        if executor.internal:  # not a step's failure: the runner's own (the store could not write, a bug)
            raise executor.internal[0] from None
    except KeyboardInterrupt:
        kill_all()
        outcome.state = "interrupted"
        raise
    finally:
        if own_server is not None:
            own_server.close()
        store.finish_run(run_id, outcome.state)  # pyright: ignore[reportArgumentType]
        progress.finish(f"run {run_id} {outcome.state} in {time.time() - started:.2f}s")
    outcome.steps = store.steps(run_id)
    return outcome


def step_server(program: Program, pipeline: Pipeline) -> StepServer | None:
    """A step server for the run's Python steps (None when it has none, or cannot fork)."""
    from flowc.ir.model import PythonTask

    if not hasattr(os, "fork") or not any(isinstance(t, PythonTask) for t, _ in called_tasks(program, pipeline)):
        return None
    from flowc.run.fork_server import StepServer

    return StepServer(Path.cwd())


@contextmanager
def early_server() -> Generator[StepServer | None]:
    """A step server started before the program is known (None where processes cannot fork); closed at the end."""
    if not hasattr(os, "fork"):
        yield None
        return
    from flowc.run.fork_server import StepServer

    with StepServer(Path.cwd()) as server:
        yield server


def make_progress(out: TextIO) -> Progress:
    """A live display on a terminal (when rich is installed), plain lines elsewhere."""
    from flowc.run.progress import LiveProgress, PlainProgress

    if out.isatty():
        try:
            return LiveProgress(out)
        except ImportError:
            pass
    return PlainProgress(out)


def typed_outputs(pipeline: Pipeline, values: dict[str, object]) -> dict[str, object]:
    """The pipeline's results as their declared types (artifacts stay {path, uri, metadata})."""
    from flowc.codegen.typespec import type_spec
    from flowc.run.container_step import coerce
    from flowc.ir.types import contains_artifact

    return {o.name: values[o.name] if contains_artifact(o.type) else coerce(values[o.name], type_spec(o.type)) for o in pipeline.outputs}


def choose_pipeline(program: Program, name: str | None, diagnostics: list[Diagnostic]) -> Pipeline | None:
    """The pipeline to run: the one named, else the only entry pipeline; a diagnostic otherwise."""
    entries = [p for p in program.pipelines if p.entry]
    if name is not None:
        found = [p for p in program.pipelines if p.name == name]
        if not found:
            hint = "pipelines: " + (", ".join(p.name for p in entries) or "none")
            diagnostics.append(Diagnostic.of(codes.UNKNOWN_PIPELINE, None, name, hint=hint))
            return None
        return found[0]
    if len(entries) == 1:
        return entries[0]
    diagnostics.append(Diagnostic.of(codes.AMBIGUOUS_RUN_PIPELINE, None, len(entries) or "no", ", ".join(p.name for p in entries) or "none"))
    return None


def container_problems(program: Program, pipeline: Pipeline, requested: ContainerMode | None) -> list[Diagnostic]:
    """A diagnostic per container task the pipeline calls that cannot run here (no docker, no --containers=local)."""
    import shutil

    from flowc.run.container_step import container_mode

    mode = container_mode(requested)
    if mode == "local" or (mode == "docker" and shutil.which("docker")):
        return []
    why = "docker is not on PATH" if requested is None else "--containers=docker but docker is not on PATH"
    found: dict[str, tuple[ContainerTask, str]] = {}
    for task, node in called_tasks(program, pipeline):
        if isinstance(task, ContainerTask) and task.name not in found:
            found[task.name] = (task, node)
    return [Diagnostic.of(codes.CONTAINER_CANNOT_RUN, t.span, t.name, node, why) for t, node in found.values()]


def called_tasks(program: Program, pipeline: Pipeline, prefix: str = "") -> list[tuple[ContainerTask | object, str]]:
    """Every task `pipeline` calls, with the path of the step, sub-pipelines included."""
    out: list[tuple[ContainerTask | object, str]] = []
    for node in iter_nodes(pipeline.body):
        if isinstance(node, TaskNode):
            out.append((program.task(node.task), prefix + node.id))
        elif isinstance(node, PipelineNode):
            out.extend(called_tasks(program, program.pipeline(node.pipeline), prefix + node.id + "/"))
    return out
