"""Runs a pipeline's IR: every node on a thread of its own, each step's process under a `-j` slot.

A node waits for what it reads (bindings) and what it is ordered after, then runs:
a task call as a step (a cached or resumed result, else a process, with its retries
and timeout), a loop as its iterations side by side, a condition as its chosen arm
(the others' steps recorded as skipped), a sub-pipeline call as the callee's body.
A failed step fails the nodes that depend on it (recorded `upstream_failed`); nodes
that do not depend on it run on. Only step processes take one of the `jobs` slots,
so waiting nodes never hold one.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol, TypeVar, cast

from flowc.ir.model import (
    BoolOp,
    CleanupNode,
    Compare,
    Condition,
    ConditionNode,
    ContainerTask,
    LoopNode,
    Node,
    Not,
    Output,
    Pipeline,
    PipelineNode,
    Program,
    PythonTask,
    TaskNode,
    Truthy,
    iter_nodes,
)
from flowc.ir.types import ListType, Type, is_artifact
from flowc.run.cleanup import run_cleanup, visible_nodes
from flowc.run.container_step import ContainerMode, run_container
from flowc.run.digest import task_inputs_digest
from flowc.run.fork_server import StepServer
from flowc.run.outcome import Attempt, StepError
from flowc.run.process import Stopped
from flowc.run.python_step import run_python
from flowc.run.records import StepRecord, StepResult, StepState
from flowc.run.scope import Failed, Outputs, Scope

T = TypeVar("T")


class Store(Protocol):
    """What the runner needs of the run store (`flowc.run.store.RunStore`)."""

    def cached(self, step_key: str, inputs_digest: str) -> StepResult | None: ...
    def record_step(self, run_id: str, record: StepRecord) -> StepRecord: ...
    def artifact_dir(self, run_id: str, path: str) -> Path: ...


class Progress(Protocol):
    """Where the runner reports what happens (plain lines or a live display)."""

    def started(self, path: str, name: str) -> None: ...
    def ended(self, record: StepRecord) -> None: ...
    def fanout(self, path: str, count: int) -> None: ...
    def finish(self, headline: str) -> None: ...


@dataclass(frozen=True)
class Settings:
    """How to run: `jobs` step processes at once, the step cache, container tasks' mode, a run to resume."""

    jobs: int
    use_cache: bool = True
    containers: ContainerMode | None = None
    resumed: Mapping[str, StepRecord] = field(default_factory=lambda: {})


class Executor:
    def __init__(
        self, program: Program, store: Store, run_id: str, settings: Settings, progress: Progress, server: StepServer | None = None,
    ) -> None:
        self.program = program
        self.server = server  # forks Python steps from a warm process (else each starts a fresh interpreter)
        self.store = store
        self.run_id = run_id
        self.settings = settings
        self.progress = progress
        self.slots = threading.Semaphore(max(1, settings.jobs))
        self.internal: list[Exception] = []  # the runner's own errors (a bug, the store failing): raised after the run

    # ------------------------------------------------------------------ bodies

    def pipeline(self, pipeline: Pipeline, scope: Scope) -> Outputs:
        """Run a pipeline's body in `scope`; its results by output name. `Failed` if a step failed."""
        self.body(pipeline.body, scope)
        return {r.name: scope.resolve(r.binding) for r in pipeline.results}

    def body(self, body: tuple[Node, ...], scope: Scope) -> None:
        """Run every node of `body` (each when what it needs is done); `Failed` once all ended, if any failed."""
        for node in visible_nodes(body):
            scope.nodes[node.id] = (node, Future())
        self.run_registered(body, scope)

    def run_registered(self, body: tuple[Node, ...], scope: Scope) -> None:
        """`body`, whose nodes `scope` already holds (a `try` block's: run/cleanup.py)."""
        _side_by_side([lambda n=node: self._node(n, scope) for node in body])
        failed = [f.exception() for _, f in (scope.nodes[n.id] for n in body) if f.exception() is not None]
        if failed:
            first = failed[0]
            raise first.again() if isinstance(first, Failed) else Failed(None, str(first))

    def _node(self, node: Node, scope: Scope) -> None:
        _, future = scope.nodes[node.id]
        try:
            future.set_result(self._run(node, scope))
        except Failed as exc:
            future.set_exception(exc)
        except Exception as exc:  # the runner's own error: fail the node rather than hang its dependants
            self.internal.append(exc)
            future.set_exception(Failed(scope.path(node.id), repr(exc)))
        except BaseException:  # Ctrl-C (on the main thread): its dependants must not wait for ever
            future.set_exception(Failed(scope.path(node.id), "interrupted"))
            raise

    def _run(self, node: Node, scope: Scope) -> object:
        match node:
            case TaskNode():
                return self._task(node, scope)
            case LoopNode():
                return self._loop(node, scope)
            case ConditionNode():
                return self._condition(node, scope)
            case PipelineNode():
                return self._call(node, scope)
            case CleanupNode():
                return run_cleanup(self, node, scope)

    def ready(self, node: Node, scope: Scope, inner: Sequence[tuple[tuple[Node, ...], str]]) -> None:
        """Wait for the nodes `node` is ordered after; if one failed, record `inner` bodies' steps as upstream_failed."""
        self._guarded(lambda: [scope.wait(dep) for dep in node.after], inner)

    def _guarded(self, fn: Callable[[], T], inner: Sequence[tuple[tuple[Node, ...], str]]) -> T:
        try:
            return fn()
        except Failed:
            for body, prefix in inner:
                self._mark(body, prefix, "upstream_failed")
            raise

    # ------------------------------------------------------------------ nodes

    def _loop(self, node: LoopNode, scope: Scope) -> list[object]:
        inner = [(node.body, scope.prefix + node.id + "/*/")]
        self.ready(node, scope, inner)
        items = self._guarded(lambda: scope.resolve(node.items), inner)
        values: list[object] = list(items) if isinstance(items, list) else []  # pyright: ignore[reportUnknownArgumentType]
        self.progress.fanout(scope.path(node.id), len(values))
        iterations = [scope.inner(f"{node.id}/{i}/", node.id, item) for i, item in enumerate(values)]
        results = _side_by_side([lambda s=s: self._iteration(node, s) for s in iterations])
        failed = [r for r in results if isinstance(r, Failed)]
        if failed:
            raise failed[0]
        return results

    def _iteration(self, node: LoopNode, scope: Scope) -> object:
        self.body(node.body, scope)
        return None if node.result is None else scope.resolve(node.result)

    def _condition(self, node: ConditionNode, scope: Scope) -> Outputs:
        arms = [(b.body, scope.prefix) for b in node.branches]
        self.ready(node, scope, arms)
        chosen = self._guarded(lambda: self._choose(node, scope), arms)
        for i, (body, prefix) in enumerate(arms):
            if i != chosen:
                self._mark(body, prefix, "skipped")
        if chosen is None:
            return {}
        inner = scope.inner("")
        self.body(node.branches[chosen].body, inner)
        return {o.name: inner.resolve(o.sources[chosen]) for o in node.outputs}

    def _choose(self, node: ConditionNode, scope: Scope) -> int | None:
        for i, branch in enumerate(node.branches):
            if branch.condition is None or _holds(branch.condition, scope):
                return i
        return None

    def _call(self, node: PipelineNode, scope: Scope) -> Outputs:
        callee = self.program.pipeline(node.pipeline)
        prefix = scope.prefix + node.id + "/"
        self.ready(node, scope, [(callee.body, prefix)])
        given = self._guarded(lambda: {i.name: scope.resolve(i.binding) for i in node.inputs}, [(callee.body, prefix)])
        params = {p.name: given[p.name] if p.name in given else p.default for p in callee.params}
        return self.pipeline(callee, Scope(params, prefix, scope.step_key(node.cache_key)))

    # ------------------------------------------------------------------ steps

    def _task(self, node: TaskNode, scope: Scope) -> Outputs:
        task = self.program.task(node.task)
        path = scope.path(node.id)
        try:
            for dep in node.after:
                scope.wait(dep)
            inputs = {i.name: scope.resolve(i.binding) for i in node.inputs}
        except Failed:
            self._record(path, task.name, "upstream_failed")
            raise
        key = scope.step_key(node.cache_key)
        digest = task_inputs_digest(task, inputs)
        previous = self.settings.resumed.get(path)
        if previous is not None and (previous.step_key, previous.inputs_digest) == (key, digest):
            self.progress.ended(previous)  # already this run's record: kept as it is
            return dict(previous.outputs)
        hit = self.store.cached(key, digest) if self.settings.use_cache and task.options.cache and key is not None else None
        if hit is not None:
            now = time.time()
            self._record(path, task.name, "cached", key, digest, outputs=hit.outputs, artifacts=hit.artifacts, started=now, ended=now)
            return dict(hit.outputs)
        return self._execute(task, path, key, digest, inputs)

    def _execute(self, task: PythonTask | ContainerTask, path: str, key: str | None, digest: str, inputs: Outputs) -> Outputs:
        """Run the step's process (again on failure, `retries` times), record how it ended."""
        attempt, attempts = Attempt.failed("not run"), 0
        with self.slots:
            self.progress.started(path, task.name)
            started = time.time()
            while attempts <= task.options.retries and not attempt.ok:
                attempts += 1
                scratch = self.store.artifact_dir(self.run_id, path)  # emptied of an earlier attempt's files
                attempt = self._attempt(task, path, inputs, scratch)
                if attempt.ok:
                    attempt = own_artifacts(task, attempt, scratch)
        state: StepState = "succeeded" if attempt.ok else "failed"
        artifacts = _artifacts(task.outputs, attempt.outputs) if attempt.ok else {}
        self._record(
            path, task.name, state, key, digest, outputs=attempt.outputs, artifacts=artifacts,
            started=started, ended=time.time(), attempts=attempts, error=attempt.error, log=attempt.log,
        )
        if not attempt.ok:
            raise Failed(path, attempt.error or "failed")
        return attempt.outputs

    def _attempt(self, task: PythonTask | ContainerTask, path: str, inputs: Outputs, scratch: Path) -> Attempt:
        seconds = task.options.timeout_seconds
        timeout = float(seconds) if seconds else None
        try:
            if isinstance(task, PythonTask):
                return run_python(task, inputs, scratch, timeout, self.server)
            return run_container(task, inputs, scratch, timeout, self.settings.containers, path)
        except (StepError, Stopped) as exc:
            return Attempt.failed(str(exc) or "the run was stopped")
        except OSError as exc:
            return Attempt.failed(f"cannot start the step: {exc}")

    def _mark(self, body: tuple[Node, ...], prefix: str, state: StepState) -> None:
        for node in iter_nodes(body):
            if isinstance(node, TaskNode):
                self._record(prefix + node.id, self.program.task(node.task).name, state)

    def _record(self, path: str, name: str, state: StepState, key: str | None = None, digest: str | None = None, **more: object) -> None:
        now = time.time()
        fields: dict[str, object] = {"started": now, "ended": now, "attempts": 0, **more}
        record = StepRecord(path=path, name=name, state=state, step_key=key, inputs_digest=digest, **fields)  # pyright: ignore[reportArgumentType]
        self.store.record_step(self.run_id, record)
        self.progress.ended(record)


def _side_by_side(fns: Sequence[Callable[[], T]]) -> list[T | Failed]:
    """Run `fns` on threads of their own; each one's value, or the `Failed` it raised."""
    results: list[T | Failed] = [Failed(None, "not run")] * len(fns)

    def run(i: int) -> None:
        try:
            results[i] = fns[i]()
        except Failed as exc:
            results[i] = exc

    if len(fns) == 1:
        run(0)
        return results
    threads = [threading.Thread(target=run, args=(i,), daemon=True) for i in range(len(fns))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def _holds(condition: Condition, scope: Scope) -> bool:
    """A branch condition as Python evaluates it (lowered ones are comparisons joined by and/or)."""
    match condition:
        case Compare(op=op, left=left, right=right):
            return _compare(op, scope.resolve(left), scope.resolve(right))
        case BoolOp(op="and", operands=operands):
            return all(_holds(c, scope) for c in operands)
        case BoolOp(operands=operands):
            return any(_holds(c, scope) for c in operands)
        case Not(operand=operand):
            return not _holds(operand, scope)
        case Truthy(value=value):
            return bool(scope.resolve(value))


def _compare(op: str, left: object, right: object) -> bool:
    import operator

    if op in ("in", "not in"):
        found = left in right  # pyright: ignore[reportOperatorIssue]
        return found if op == "in" else not found
    table: dict[str, Callable[[Any, Any], object]] = {
        "==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge,
    }
    return bool(table[op](left, right))


def own_artifacts(task: PythonTask | ContainerTask, attempt: Attempt, scratch: Path) -> Attempt:
    """`attempt` with every artifact output that lies outside `scratch` (an input handed on) copied into it.

    The store keeps each step's artifacts in the step's own folder; an artifact another
    step made stays where that step's record (and its readers) expect it.
    """
    outputs = dict(attempt.outputs)
    for output in task.outputs:
        if is_artifact(output.type):
            outputs[output.name] = _owned(outputs.get(output.name), scratch / output.name)
        elif _is_artifact_list(output.type) and isinstance(outputs.get(output.name), list):
            items = cast("list[object]", outputs[output.name])
            outputs[output.name] = [_owned(v, scratch / f"{output.name}-{i}") for i, v in enumerate(items)]
    return Attempt(ok=True, outputs=outputs, error=attempt.error, log=attempt.log)


def _owned(value: object, target: Path) -> object:
    if not isinstance(value, dict):
        return value
    entry = dict(cast("dict[str, object]", value))
    if not isinstance(entry.get("path"), str):
        return entry
    source = Path(str(entry["path"])).resolve()
    if source.is_relative_to(target.parent.resolve()) or not source.exists():
        return entry
    if source.is_dir():
        shutil.copytree(source, target)
    else:
        shutil.copyfile(source, target)
    return {**entry, "path": str(target), "uri": str(target)}


def _artifacts(declared: Sequence[Output], outputs: Outputs) -> dict[str, Path]:
    """Where each artifact output's file is (a list of artifacts: `name[i]`)."""
    found: dict[str, Path] = {}
    for output in declared:
        value = outputs.get(output.name)
        if is_artifact(output.type) and isinstance(value, dict) and "path" in value:
            found[output.name] = Path(str(value["path"]))  # pyright: ignore[reportUnknownArgumentType]
        elif _is_artifact_list(output.type) and isinstance(value, list):
            for i, each in enumerate(value):  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
                if isinstance(each, dict) and "path" in each:
                    found[f"{output.name}[{i}]"] = Path(str(each["path"]))  # pyright: ignore[reportUnknownArgumentType]
    return found


def _is_artifact_list(t: Type) -> bool:
    return isinstance(t, ListType) and is_artifact(t.item)
