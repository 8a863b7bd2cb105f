"""One read from start to end: files, modules, tasks, pipelines, cross-checks."""

from __future__ import annotations

import os
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from flowc.dsl.reader import ReadResult
from flowc.dsl.reader.bodyctx import SubCall
from flowc.dsl.reader.context import Diagnostics
from flowc.dsl.reader.files import InputFile, discover, real_path
from flowc.dsl.reader.identity import assign_ids, key_name, module_key
from flowc.dsl.reader.nesting import deepest_expression
from flowc.dsl.reader.pipelines import read_pipeline
from flowc.dsl.reader.project import ModuleInfo, Project
from flowc.dsl.reader.raises import failing_tasks
from flowc.dsl.reader.signatures import Signature
from flowc.dsl.reader.shipping import shipped_modules
from flowc.dsl.reader.taskcode import Shipper
from flowc.dsl.reader.tasks import build_task
from flowc.ir import codes
from flowc.ir.model import ContainerTask, Pipeline, Program, PythonTask
from flowc.ir.task_options import ProjectDefaults
from flowc.ir.span import Span

T = TypeVar("T")


def read_program(
    paths: Sequence[str | Path],
    root: str | Path | None,
    overlays: Mapping[Path, str] | None = None,
    defaults: ProjectDefaults | None = None,
    *,
    only: Collection[Path] | None = None,
    inputs: Sequence[InputFile] | None = None,
) -> ReadResult:
    """Read the files `paths` name; with `only`, just those of them (and what they import).

    `inputs`, when given, is what `discover(paths)` found (without problems): a caller
    reading a project part by part walks its folders once.
    """
    report = Diagnostics()
    if inputs is None:
        found, problems = discover(paths)
        report.items.extend(problems)
    else:
        found = list(inputs)
    relative = all(not os.path.isabs(os.fspath(p)) for p in paths)
    project = Project(report, real_path(root) if root is not None else None, relative)
    project.inputs = {item.file: item for item in found}
    project.overlays = overlays or {}
    reading = _Reading(project, report, defaults or ProjectDefaults())
    for item in found:  # one module at a time, so only a few parsed trees are alive at once
        if only is None or item.file in only:
            _guarded(project, item.path, lambda: project.load_given(item))
            reading.catch_up()
    given = [item for item in found if item.file in project.files]
    for item in given:
        _no_pipelines(project, item.file, item.from_directory, report)
    _check_recursion(reading.calls, report)
    tasks = _unique_tasks(reading.tasks, report)
    defined = [("task", t.module, t.name) for t in tasks] + [("pipeline", p.module, p.name) for p in reading.pipelines]
    program = assign_ids(Program(tasks=tuple(tasks), pipelines=tuple(reading.pipelines)))
    return ReadResult(
        program, report.items, project.sources,
        given=tuple(i.file for i in given), loaded=project.files, defined=frozenset(defined),
        modules=tuple((info.syms.name, info.file) for info in project.order),
    )


@dataclass
class _Reading:
    """Reads every loaded module's pipelines and tasks once, then lets its trees go."""

    project: Project
    report: Diagnostics
    defaults: ProjectDefaults
    done: int = 0
    pipelines: list[Pipeline] = field(default_factory=lambda: [])
    tasks: list[tuple[Signature, PythonTask | ContainerTask]] = field(default_factory=lambda: [])
    calls: dict[str, list[SubCall]] = field(default_factory=lambda: {})

    def catch_up(self) -> None:
        order = self.project.order
        while self.done < len(order):  # reading bodies may load imported modules
            info = order[self.done]
            self.done += 1
            self._module(info)
            self.project.release(info)

    def _module(self, info: ModuleInfo) -> None:
        path = info.syms.source.path
        for sig in info.signatures.values():
            if sig.is_pipeline:
                built = _guarded(self.project, path, lambda: read_pipeline(self.project, info, sig, self.report))
                if built is not None:
                    self.pipelines.append(built[0])
                    self.calls[module_key(info.syms.name, sig.name)] = built[1].calls
                    self.tasks.extend((sig, task) for task in failing_tasks(built[1], self.defaults))
            else:
                ship: Shipper = lambda trees: shipped_modules(self.project, info, trees)  # noqa: E731
                task = _guarded(self.project, path, lambda: build_task(sig, self.report, self.defaults, ship))
                if task is not None:
                    self.tasks.append((sig, task))


def _guarded(project: Project, path: str, work: Callable[[], T]) -> T | None:
    """Run one unit of reading; an unexpected failure becomes a diagnostic, never a traceback."""
    try:
        return work()
    except RecursionError:
        span = deepest_expression(path, project.sources.get(path, ""))
        project.report(codes.NESTED_TOO_DEEPLY, span, "flowc's reader")
    except Exception as exc:  # noqa: BLE001 - the reader must degrade, not crash
        project.report(codes.READER_FAILURE, Span(path=path, line=1, col=1, end_line=1, end_col=1), f"{type(exc).__name__}: {exc}")
    return None


def _unique_tasks(
    built: list[tuple[Signature, PythonTask | ContainerTask]], report: Diagnostics
) -> list[PythonTask | ContainerTask]:
    """Tasks in reading order; a later definition of a name its module already defines is FLC403."""
    out: list[PythonTask | ContainerTask] = []
    seen: set[str] = set()
    for sig, task in built:
        key = module_key(task.module, task.name)
        if key in seen:
            report(codes.DUPLICATE_TASK, sig.span, task.name)
            continue
        seen.add(key)
        out.append(task)
    return out


def _no_pipelines(project: Project, file: Path, from_directory: bool, report: Diagnostics) -> None:
    info = next((i for i in project.order if i.file == file), None)
    if info is None or from_directory:
        return
    if not any(s.is_pipeline for s in info.signatures.values()):
        report(codes.NO_PIPELINES, None, info.syms.source.path)


def _check_recursion(calls: dict[str, list[SubCall]], report: Diagnostics) -> None:
    """Pipelines that reach themselves through other pipelines (direct calls are reported earlier)."""
    for start, first_calls in calls.items():
        for call in first_calls:
            if _reaches(_key(call.callee), start, calls, set()):
                report(codes.RECURSIVE_PIPELINE, call.span, key_name(start))


def _reaches(current: str, target: str, calls: dict[str, list[SubCall]], seen: set[str]) -> bool:
    if current == target:
        return True
    if current in seen:
        return False
    seen.add(current)
    return any(_reaches(_key(c.callee), target, calls, seen) for c in calls.get(current, ()))


def _key(sig: Signature) -> str:
    return module_key(sig.syms.name, sig.name)
