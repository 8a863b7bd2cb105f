"""Running generated Flyte modules with flytekit's local execution, in this process.

flytekit resolves tasks through `sys.modules`, so a module is imported by name
with its folder on `sys.path` (a stale module of the same name is dropped first:
tests compile the same pipeline more than once). Task runs are counted by
wrapping each task's code factory (`_code_<task>`) and each container task's
`execute`, so a run served from flytekit's local cache is not counted.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from flowc.backends.flyte.backend import FlyteBackend
from flowc.ir.model import ContainerTask, Program
from flowc.ir.names import python_name


def compile_pipeline(program: Program, folder: Path, options: dict[str, Any] | None = None) -> dict[str, Path]:
    """Emit `program` for Flyte into `folder`; returns file name -> path."""
    result = FlyteBackend().emit(program, options or {})
    assert not result.diagnostics, result.diagnostics
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for rel, data in result.files.items():
        (folder / rel).write_bytes(data)
        paths[rel] = folder / rel
    return paths


@contextmanager
def flyte_sandbox(workdir: Path) -> Iterator[None]:
    """HOME and TMPDIR in `workdir`, and a fresh flytekit local cache there."""
    from diskcache import Cache  # flytekit's own cache store
    from flytekit.core.local_cache import LocalTaskCache

    home, tmp = workdir / "home", workdir / "tmp"
    home.mkdir(parents=True, exist_ok=True)
    tmp.mkdir(parents=True, exist_ok=True)
    saved = (LocalTaskCache._cache if LocalTaskCache._initialized else None, LocalTaskCache._initialized)  # pyright: ignore[reportPrivateUsage]
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HOME", str(home))
        mp.setenv("TMPDIR", str(tmp))
        mp.setenv("FLOWC_SCRATCH", str(tmp))
        mp.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
        LocalTaskCache._cache = Cache(str(workdir / "local-cache"))  # pyright: ignore[reportPrivateUsage]
        LocalTaskCache._initialized = True  # pyright: ignore[reportPrivateUsage]
        try:
            yield
        finally:
            LocalTaskCache._cache.close()  # pyright: ignore[reportPrivateUsage]
            if saved[0] is not None:
                LocalTaskCache._cache = saved[0]  # pyright: ignore[reportPrivateUsage]
            LocalTaskCache._initialized = saved[1]  # pyright: ignore[reportPrivateUsage]


def import_generated(folder: Path, name: str) -> ModuleType:
    """Import the generated module `name` from `folder`, replacing an older one of that name."""
    from flytekit import LaunchPlan

    sys.modules.pop(name, None)
    # Named launch plans are cached by name; a re-import would redefine the same one.
    LaunchPlan.CACHE.clear()
    sys.path.insert(0, str(folder))
    try:
        return importlib.import_module(name)
    finally:
        sys.path.remove(str(folder))


@contextmanager
def counting(module: ModuleType, program: Program) -> Iterator[Counter[str]]:
    """Count executions of each IR task while the block runs."""
    ran = Counter[str]()
    with pytest.MonkeyPatch.context() as mp:
        for task in program.tasks:
            fn = python_name(task.name)
            if isinstance(task, ContainerTask):
                obj = getattr(module, fn, None)
                if obj is not None:
                    mp.setattr(obj, "execute", _counted(obj.execute, ran, task.name))
            elif hasattr(module, f"_code_{fn}"):
                # a fused step's run counts once for each member task it runs
                names = task.members or (task.name,)
                mp.setattr(module, f"_code_{fn}", _counted_factory(getattr(module, f"_code_{fn}"), ran, *names))
        yield ran


def _counted_factory(factory: Any, ran: Counter[str], *names: str) -> Any:
    """A task's code factory whose function counts its runs."""

    def make(*args: Any, **kwargs: Any) -> Any:
        return _counted(factory(*args, **kwargs), ran, *names)

    return make


def _counted(fn: Any, ran: Counter[str], *names: str) -> Any:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        for name in names:  # counted when it ran to its end, as an engine's succeeded step
            ran[name] += 1
        return result

    return wrapper


def plain(value: Any) -> Any:
    """A workflow output as plain Python: files as their local path, lists and dicts recursively."""
    from flytekit.types.file import FlyteFile

    if isinstance(value, FlyteFile):
        return value.download()
    if isinstance(value, list):
        return [plain(v) for v in value]  # pyright: ignore[reportUnknownVariableType]
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}  # pyright: ignore[reportUnknownVariableType]
    return value


def run_workflow(module: ModuleType, pipeline: str, args: dict[str, Any]) -> dict[str, Any]:
    """Call the pipeline's workflow (flytekit local execution); outputs by flowc output name."""
    result = getattr(module, python_name(pipeline))(**args)
    if isinstance(result, tuple) and hasattr(result, "_fields"):
        return {f: plain(getattr(result, f)) for f in result._fields}  # pyright: ignore
    return {"output": plain(result)}
