"""One read from start to end: files, modules, tasks, pipelines, cross-checks."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from flowc.dsl.reader import ReadResult
from flowc.dsl.reader.bodyctx import SubCall
from flowc.dsl.reader.context import Diagnostics
from flowc.dsl.reader.files import discover
from flowc.dsl.reader.pipelines import read_pipeline
from flowc.dsl.reader.project import Project
from flowc.dsl.reader.tasks import build_task
from flowc.ir import codes
from flowc.ir.model import ContainerTask, Pipeline, Program, PythonTask
from flowc.ir.span import Span

T = TypeVar("T")


def read_program(paths: Sequence[str | Path], root: str | Path | None) -> ReadResult:
    report = Diagnostics()
    inputs, missing = discover(paths)
    for path in missing:
        report(codes.FILE_NOT_FOUND, None, path)
    relative = all(not os.path.isabs(os.fspath(p)) for p in paths)
    project = Project(report, Path(root).resolve() if root is not None else None, relative)
    for item in inputs:
        _guarded(report, item.path, lambda: project.load_given(item))
    pipelines: list[Pipeline] = []
    calls: dict[str, list[SubCall]] = {}
    done = 0
    while done < len(project.order):  # imports found while reading bodies load more modules
        info = project.order[done]
        done += 1
        for sig in info.signatures.values():
            if sig.is_pipeline:
                built = _guarded(report, info.syms.source.path, lambda: read_pipeline(project, info, sig, report))
                if built is not None:
                    pipelines.append(built[0])
                    calls[sig.name] = built[1].calls
    for item in inputs:
        _no_pipelines(project, item.file, item.from_directory, report)
    _check_recursion(calls, report)
    tasks = _tasks(project, report)
    return ReadResult(Program(tasks=tuple(tasks), pipelines=tuple(pipelines)), report.items, project.sources)


def _guarded(report: Diagnostics, path: str, work: Callable[[], T]) -> T | None:
    """Run one unit of reading; an unexpected failure becomes a diagnostic, never a traceback."""
    try:
        return work()
    except RecursionError:
        report(codes.SYNTAX_ERROR, Span(path=path, line=1, col=1, end_line=1, end_col=1), "expression nested too deeply")
    except Exception as exc:  # noqa: BLE001 - the reader must degrade, not crash
        report(codes.READER_FAILURE, Span(path=path, line=1, col=1, end_line=1, end_col=1), f"{type(exc).__name__}: {exc}")
    return None


def _tasks(project: Project, report: Diagnostics) -> list[PythonTask | ContainerTask]:
    out: list[PythonTask | ContainerTask] = []
    seen: set[str] = set()
    for info in project.order:
        for sig in info.signatures.values():
            if sig.is_pipeline:
                continue
            if sig.name in seen:
                report(codes.DUPLICATE_TASK, sig.span, sig.name)
                continue
            seen.add(sig.name)
            task = _guarded(report, info.syms.source.path, lambda: build_task(sig, report))
            if task is not None:
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
            if _reaches(call.callee.name, start, calls, set()):
                report(codes.RECURSIVE_PIPELINE, call.span, start)


def _reaches(current: str, target: str, calls: dict[str, list[SubCall]], seen: set[str]) -> bool:
    if current == target:
        return True
    if current in seen:
        return False
    seen.add(current)
    return any(_reaches(c.callee.name, target, calls, seen) for c in calls.get(current, ()))
