"""The construct catalogue: program files under `constructs/<area>/<name>.py`.

See `constructs/README.md` for the format. This module finds the programs, reads
their module-level data without running their pipelines, compiles them with flowc,
and runs each pipeline as plain Python, which is where every expected value comes from.
"""

from __future__ import annotations

import ast
import importlib.util
import inspect
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any

from tests.conformance.engine_gaps import ENGINE_BUGS
from tests.conformance.runners import LOCAL_RUNNERS, RunResult, runner_module

CONSTRUCTS = Path(__file__).resolve().parent / "constructs"


def engines() -> tuple[str, ...]:
    """Registered backends with a local runner in `tests/conformance/runners/` (the built-in
    three), then the runners that are no backend's (`flowc-run`)."""
    from tests.conftest import registered_backends

    backends = tuple(b for b in registered_backends() if importlib.util.find_spec(runner_module(b)) is not None)
    return backends + LOCAL_RUNNERS


@dataclass(frozen=True, eq=False)
class Entry:
    """One program file and its declared data (read statically: collection runs no user code).

    Compared and hashed by identity: the catalogue is read once per process."""

    name: str
    area: str
    path: Path
    runs: tuple[dict[str, Any], ...] = ({},)
    xfail: dict[str, str] = field(default_factory=lambda: {})
    gaps: dict[str, str] = field(default_factory=lambda: {})

    @property
    def id(self) -> str:
        return f"{self.area}/{self.name}"


def entries() -> list[Entry]:
    """Every program of the catalogue, sorted by area and name."""
    return [_entry(p) for p in sorted(CONSTRUCTS.glob("*/*.py")) if not p.name.startswith("_")]


def declared(path: Path, names: tuple[str, ...] = ("RUNS", "XFAIL", "GAPS")) -> dict[str, Any]:
    """The module-level literals `names` of a program file, read without running it."""
    data: dict[str, Any] = {}
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            if isinstance(target, ast.Name) and target.id in names and node.value is not None:
                data[target.id] = ast.literal_eval(node.value)
    return data


def _entry(path: Path) -> Entry:
    data = declared(path)
    xfails: dict[str, str] = data.get("XFAIL", {})
    xfail = {engine: ENGINE_BUGS.get(bug, bug) for engine, bug in xfails.items()}
    return Entry(
        name=path.stem, area=path.parent.name, path=path, runs=tuple(data.get("RUNS", [{}])),
        xfail=xfail, gaps=dict(data.get("GAPS", {})),
    )


@cache
def module_of(entry: Entry) -> ModuleType:
    """The program file imported as a plain Python module (tests may run user code)."""
    spec = importlib.util.spec_from_file_location(f"flowc_construct_{entry.area}_{entry.name}", entry.path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def task_functions(module: ModuleType) -> dict[str, Callable[..., Any]]:
    """The module's task and container-task functions by function name."""
    return {
        name: fn for name, fn in vars(module).items()
        if callable(fn) and getattr(getattr(fn, "__flowc__", None), "kind", "") in ("task", "container_task")
    }


def function_at(module: ModuleType, line: int) -> str | None:
    """The name of the decorated function of `module` whose source (decorators included) holds `line`."""
    for name, fn in vars(module).items():
        if callable(fn) and hasattr(fn, "__flowc__") and getattr(fn, "__module__", None) == module.__name__:
            lines, start = inspect.getsourcelines(fn)
            if start <= line < start + len(lines):
                return name
    return None


@contextmanager
def plain_python(module: ModuleType) -> Iterator[Counter[str]]:
    """Count task calls by function name, container tasks replaced by their STANDINS."""
    standins: dict[str, Callable[..., Any]] = getattr(module, "STANDINS", {})
    ran = Counter[str]()
    saved = task_functions(module)
    for name, fn in saved.items():
        setattr(module, name, _counted(standins.get(name, fn), ran, name))
    try:
        yield ran
    finally:
        for name, fn in saved.items():
            setattr(module, name, fn)


def _counted(fn: Callable[..., Any], ran: Counter[str], name: str) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        result = fn(*args, **kwargs)
        ran[name] += 1  # a call that raised did not run to its end (as a failed step on an engine)
        return result

    return call


def reference(entry: Entry, args: dict[str, Any]) -> RunResult:
    """Call the program's pipeline as plain Python: its outputs and task calls by function name."""
    module = module_of(entry)
    with plain_python(module) as ran:
        try:
            result = getattr(module, entry.name)(**args)
        except Exception as exc:  # noqa: BLE001 - a program that raises on purpose (constructs/fail)
            counts = Counter({**{n: 0 for n in task_functions(module)}, **ran})
            return RunResult(outputs={}, ran=counts, error=f"{type(exc).__name__}: {exc}")
    if isinstance(result, tuple) and hasattr(result, "_fields"):
        outputs = {f: getattr(result, f) for f in result._fields}  # pyright: ignore
    elif isinstance(result, tuple):
        outputs = {f"output_{i}": v for i, v in enumerate(result)}  # pyright: ignore
    else:
        outputs = {"output": result}
    return RunResult(outputs=outputs, ran=Counter({**{n: 0 for n in task_functions(module)}, **ran}))
