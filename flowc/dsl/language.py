"""The decorators and markers users write pipelines with.

flowc never runs these: the reader (`flowc.dsl.reader`) reads them from source.
They exist so that pipeline files are ordinary, precisely typed Python: pyright and
mypy check the wiring of a pipeline, and a task function stays callable as plain
Python (the decorators return it unchanged, with its options attached).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, ParamSpec, TypeVar, overload

__all__ = ["Resources", "after", "container_task", "pipeline", "task"]

P = ParamSpec("P")
R = TypeVar("R")


@dataclass(frozen=True)
class Resources:
    """Compute a task asks for: Kubernetes quantities for cpu and memory, a GPU count."""

    cpu: str | None = None
    memory: str | None = None
    gpu: int | None = None


@dataclass(frozen=True)
class TaskOptions:
    """What a task decorator was given (attached to the function as `__flowc__`)."""

    kind: str
    options: Mapping[str, Any]


def _mark(kind: str, options: Mapping[str, Any]) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def mark(fn: Callable[P, R]) -> Callable[P, R]:
        fn.__flowc__ = TaskOptions(kind, dict(options))  # type: ignore[attr-defined]
        return fn

    return mark


@overload
def task(fn: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def task(
    *,
    image: str = "python:3.12-slim",
    packages: Sequence[str] = (),
    resources: Resources | None = None,
    retries: int = 0,
    timeout: str | None = None,
    cache: bool = False,
    env: Mapping[str, str] | None = None,
    secrets: Sequence[str] = (),
    fuse: bool = True,
    name: str | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]: ...
def task(fn: Callable[P, R] | None = None, /, **options: Any) -> Any:
    """Declare a Python task: its body runs on the engine, in the task's image.

    The options, their types and defaults are those of `flowc.ir.task_options`
    (a test holds this signature to that table; docs/task_options.md lists them).
    """
    if fn is not None:
        return _mark("task", {})(fn)
    return _mark("task", options)


def container_task(
    *,
    image: str,
    command: Sequence[str],
    args: Sequence[str] = (),
    packages: Sequence[str] = (),
    resources: Resources | None = None,
    retries: int = 0,
    timeout: str | None = None,
    cache: bool = False,
    env: Mapping[str, str] | None = None,
    secrets: Sequence[str] = (),
    fuse: bool = False,
    name: str | None = None,
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Declare a task that runs `command` in `image`; `{input}` placeholders are filled in."""
    del packages, resources, retries, timeout, cache, env, secrets, fuse, name
    return _mark("container_task", {"image": image, "command": list(command), "args": list(args)})


@overload
def pipeline(fn: Callable[P, R], /) -> Callable[P, R]: ...
@overload
def pipeline(
    *, schedule: str = ..., name: str = ...
) -> Callable[[Callable[P, R]], Callable[P, R]]: ...
def pipeline(fn: Callable[P, R] | None = None, /, **options: Any) -> Any:
    """Declare a pipeline: its body is compiled to a DAG, never run."""
    if fn is not None:
        return _mark("pipeline", {})(fn)
    return _mark("pipeline", options)


@contextmanager
def after(*handles: object) -> Generator[None, None, None]:
    """Order the steps inside the block after `handles`, which share no data with them."""
    del handles
    yield
