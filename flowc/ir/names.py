"""Engine naming rules: turn flowc names into names each engine accepts, deterministically.

Task, pipeline and node names come from Python identifiers or a `name=` option.
Each engine has its own rules; every backend sanitizes through these functions so
that `flowc check` can report a name that cannot be made valid, or two names that
become the same, before any backend runs.
"""

from __future__ import annotations

import re
from typing import Literal

Engine = Literal["kfp", "airflow", "flyte"]
ENGINES: tuple[Engine, ...] = ("kfp", "airflow", "flyte")

MAX_LENGTH = 63  # Kubernetes label values and Argo node names are the tightest limit


def kfp_name(name: str) -> str:
    """KFP component/task names: lowercase letters, digits and dashes (`load_data` -> `load-data`)."""
    s = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    return s


def airflow_name(name: str) -> str:
    """Airflow dag_id / task_id: letters, digits, `_`, `-` and `.` (dots are group separators, so avoided)."""
    return re.sub(r"[^A-Za-z0-9_-]+", "_", name).strip("_")


def python_name(name: str) -> str:
    """A Python identifier (Flyte task and workflow functions, generated modules)."""
    s = re.sub(r"\W+", "_", name, flags=re.ASCII).strip("_")
    if s and s[0].isdigit():
        s = "_" + s
    return s


SANITIZERS = {"kfp": kfp_name, "airflow": airflow_name, "flyte": python_name}


def engine_name(name: str, engine: Engine) -> str:
    return SANITIZERS[engine](name)


def name_problem(name: str) -> str | None:
    """Why `name` cannot be made valid for every engine, or None when it can."""
    for engine in ENGINES:
        sanitized = engine_name(name, engine)
        if not sanitized or not any(ch.isalpha() for ch in sanitized):
            return f"it has no letters left on {engine}"
        if len(sanitized) > MAX_LENGTH:
            return f"it is longer than {MAX_LENGTH} characters"
    return None


def collisions(names: list[str]) -> list[tuple[str, str, str, Engine]]:
    """Pairs of distinct names that sanitize to the same name on some engine.

    Returns (first, second, sanitized, engine) in input order, each pair once.
    """
    found: list[tuple[str, str, str, Engine]] = []
    seen_pairs: set[tuple[str, str]] = set()
    for engine in ENGINES:
        owner: dict[str, str] = {}
        for name in names:
            key = engine_name(name, engine)
            if engine == "kfp":
                key = key.lower()
            first = owner.setdefault(key, name)
            if first != name and (first, name) not in seen_pairs:
                seen_pairs.add((first, name))
                found.append((first, name, key, engine))
    return found
