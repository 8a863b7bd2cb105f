"""Finding backends by name: the built-in ones, and third-party ones by entry point.

A third-party package registers a backend class under the `flowc.backends` entry
point group; a built-in name always wins. Backend modules load only when asked for,
so `flowc check` never pays for them.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Sequence
from importlib.metadata import entry_points

from flowc.backends.base import Backend

ENTRY_POINT_GROUP = "flowc.backends"

BUILTIN: dict[str, str] = {
    "kfp": "flowc.backends.kfp.backend:KfpBackend",
    "airflow": "flowc.backends.airflow.backend:AirflowBackend",
    "flyte": "flowc.backends.flyte.backend:FlyteBackend",
}


class BackendNotFound(LookupError):
    """No backend of that name is installed."""


class BackendNotAvailable(LookupError):
    """The backend exists but cannot load (e.g. not written yet, or a missing extra)."""


def available() -> list[str]:
    """Every backend name: built-ins first, then third-party ones, sorted."""
    extra = sorted(set(_registered(tuple(sys.path))) - set(BUILTIN))
    return [*BUILTIN, *extra]


@functools.lru_cache(maxsize=4)
def _registered(search_path: tuple[str, ...]) -> dict[str, str]:
    """Entry-point name -> "module:attr", scanned once per `sys.path` (a scan reads every installed dist)."""
    del search_path  # the cache key: a changed sys.path may install or remove a backend
    found: dict[str, str] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        found.setdefault(ep.name, ep.value)
    return found


def expand(names: Sequence[str]) -> list[str]:
    """Target names in order, each once, with `all` standing for every available backend."""
    out: list[str] = []
    for name in names:
        for target in available() if name == "all" else [name]:
            if target not in out:
                out.append(target)
    return out


def load(name: str) -> Backend:
    """An instance of the backend called `name`."""
    target = BUILTIN.get(name)
    if target is None:
        target = _registered(tuple(sys.path)).get(name)
        if target is None:
            raise BackendNotFound(name)
    module_name, _, attr = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        raise BackendNotAvailable(f"{name}: {exc}") from exc
    backend = getattr(module, attr)()
    if not isinstance(backend, Backend):
        raise BackendNotAvailable(f"{name}: {target} does not implement the Backend protocol")
    return backend

