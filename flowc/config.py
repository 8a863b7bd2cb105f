"""Project settings from `[tool.flowc]` in the nearest pyproject.toml.

    [tool.flowc]
    targets = ["kfp", "airflow"]     # default for `flowc compile`
    out = "build/pipelines"          # default output folder
    root = "src"                     # import root of the pipeline modules

    [tool.flowc.airflow]             # options for one backend
    mode = "kubernetes"

Command-line flags override these.
"""

from __future__ import annotations

import os

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


class ConfigError(ValueError):
    """A `[tool.flowc]` setting has the wrong shape."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    targets: tuple[str, ...] = ()
    out: Path | None = None
    root: Path | None = None
    backend_options: dict[str, dict[str, Any]] = field(default_factory=lambda: {})


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`."""
    try:
        here = Path(os.path.realpath(start))
    except OSError:  # an unreadable link on the way: start from where it is
        here = Path(os.path.abspath(start))
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if os.path.isfile(candidate):
            return candidate
    return None


def load_config(start: Path) -> Config:
    """Settings from the nearest pyproject.toml, or defaults when there is none."""
    path = find_pyproject(start)
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    section = data.get("tool", {}).get("flowc", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.flowc] must be a table")
    return _parse(path, section)  # pyright: ignore[reportUnknownArgumentType]


def _parse(path: Path, section: dict[str, Any]) -> Config:
    base = path.parent
    targets = section.get("targets", [])
    if isinstance(targets, str):
        targets = [targets]
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):  # pyright: ignore[reportUnknownVariableType]
        raise ConfigError(f"{path}: tool.flowc.targets must be a list of target names")
    options = {k: dict(v) for k, v in section.items() if isinstance(v, dict)}  # pyright: ignore[reportUnknownArgumentType]
    out, root = section.get("out"), section.get("root")
    for key, value in (("out", out), ("root", root)):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: tool.flowc.{key} must be a path string")
    return Config(
        path=path,
        targets=tuple(targets),  # pyright: ignore[reportUnknownArgumentType]
        out=base / out if out else None,
        root=base / root if root else None,
        backend_options=options,
    )
