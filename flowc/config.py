"""Project settings from `[tool.flowc]` in the nearest pyproject.toml.

    [tool.flowc]
    targets = ["kfp", "airflow"]     # default for `flowc compile` and `flowc check`
    out = "build/pipelines"          # default output folder
    root = "src"                     # import root of the pipeline modules
    paths = ["pipelines"]            # what `flowc check` / `flowc compile` read when given no PATH
    image = "ghcr.io/acme/ml:2.1"    # the image of every @task that names none
    packages = ["pandas==2.2.3"]     # the packages of every @task that gives no packages=
    optimize = false                 # turn the optimizer off (like -O0); default true
    strict = true                    # warnings fail check and compile too (like --strict); default false
    store = ".flowc/runs"            # where `flowc run` keeps runs, results and artifacts (this is the default)

    [tool.flowc.airflow]             # options for one backend (see `flowc targets`)
    mode = "kubernetes"

Command-line flags override these. An unknown key or a table naming no installed
backend is a diagnostic located in pyproject.toml, listing what is valid.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic
from flowc.ir.span import Span
from flowc.ir.task_options import ProjectDefaults
from flowc.ir.values import requirement_problem

KEYS = ("image", "out", "packages", "paths", "root", "targets", "optimize", "strict", "store")
OPTIMIZATION_LEVEL = re.compile(r"[0-9]+")


class ConfigError(ValueError):
    """A `[tool.flowc]` setting has the wrong shape."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None
    targets: tuple[str, ...] = ()
    out: Path | None = None
    root: Path | None = None
    store: Path | None = None
    paths: tuple[Path, ...] = ()
    task_defaults: ProjectDefaults = ProjectDefaults()
    optimize: bool = True
    strict: bool = False
    backend_options: dict[str, dict[str, Any]] = field(default_factory=lambda: {})
    diagnostics: tuple[Diagnostic, ...] = ()


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
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    section = data.get("tool", {}).get("flowc", {})
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.flowc] must be a table")
    config = _parse(path, section)  # pyright: ignore[reportUnknownArgumentType]
    problems = _unknown_keys(path, text, section)  # pyright: ignore[reportUnknownArgumentType]
    return dataclasses.replace(config, diagnostics=tuple(problems))


def _parse(path: Path, section: dict[str, Any]) -> Config:
    base = path.parent
    targets = section.get("targets", [])
    if isinstance(targets, str):
        targets = [targets]
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):  # pyright: ignore[reportUnknownVariableType]
        raise ConfigError(f"{path}: tool.flowc.targets must be a list of target names")
    # tomllib types a table's values as Any; a nested table is a dict with str keys.
    options = {k: dict(cast("dict[str, Any]", v)) for k, v in section.items() if isinstance(v, dict)}
    out, root, store = section.get("out"), section.get("root"), section.get("store")
    for key, value in (("out", out), ("root", root), ("store", store)):
        if value is not None and not isinstance(value, str):
            raise ConfigError(f"{path}: tool.flowc.{key} must be a path string")
    optimize, strict = section.get("optimize", True), section.get("strict", False)
    for key, flag in (("optimize", optimize), ("strict", strict)):
        if not isinstance(flag, bool):
            raise ConfigError(f"{path}: tool.flowc.{key} must be true or false")
    return Config(
        path=path,
        targets=tuple(targets),  # pyright: ignore[reportUnknownArgumentType]
        out=base / out if out else None,
        root=base / root if root else None,
        store=base / store if store else None,
        paths=tuple(base / p for p in _strings(path, section, "paths")),
        task_defaults=_task_defaults(path, section),
        optimize=optimize,
        strict=strict,
        backend_options=options,
    )


def shown(path: Path) -> str:
    """`path` relative to the working folder when it lies under it, so diagnostics read `pipelines/x.py:3:5`."""
    here = Path(os.path.realpath(Path.cwd()))
    return os.path.relpath(path, here) if Path(os.path.realpath(path)).is_relative_to(here) else str(path)


def _task_defaults(path: Path, section: dict[str, Any]) -> ProjectDefaults:
    """`image` and `packages`, checked as the reader checks a decorator's (a bad requirement names itself)."""
    image = section.get("image")
    if image is not None and not (isinstance(image, str) and image.strip()):
        raise ConfigError(f"{path}: tool.flowc.image must be a non-empty image name")
    packages = _strings(path, section, "packages")
    for requirement in packages:
        if (problem := requirement_problem(requirement)) is not None:
            raise ConfigError(f"{path}: tool.flowc.packages: {requirement!r}: {problem}")
    return ProjectDefaults(image=image, packages=tuple(packages))


def _strings(path: Path, section: dict[str, Any], key: str) -> list[str]:
    """`tool.flowc.<key>`: a list of strings (one string is a list of one), or empty when unset."""
    value = section.get(key, [])
    items = cast("list[object]", [value] if isinstance(value, str) else value if isinstance(value, list) else [None])
    if not all(isinstance(v, str) and v for v in items):
        raise ConfigError(f"{path}: tool.flowc.{key} must be a list of strings")
    return cast("list[str]", items)


def _unknown_keys(path: Path, text: str, section: dict[str, Any]) -> list[Diagnostic]:
    """A diagnostic per key of `[tool.flowc]` that is neither a setting nor an installed backend's table."""
    from flowc.backends import registry

    backends = registry.available()
    valid = f"valid keys: {', '.join(KEYS)}, and a table per backend: " + ", ".join(f"[tool.flowc.{b}]" for b in backends)
    out: list[Diagnostic] = []
    for key in sorted(section):
        if key in KEYS or (isinstance(section[key], dict) and key in backends):
            continue
        what = f"unknown table [tool.flowc.{key}] (no such backend)" if isinstance(section[key], dict) else f"unknown key {key!r}"
        close = difflib.get_close_matches(key, [*KEYS, *backends], n=1)
        hint = f"did you mean {close[0]!r}? {valid}" if close else valid
        out.append(Diagnostic.of(codes.BAD_CONFIG, locate_setting(path, text, key), what, hint=hint))
    return out


def locate_setting(path: Path, text: str, key: str, table: str | None = None) -> Span | None:
    """Where `key` is set (inside `[tool.flowc.<table>]` when given) or its table opens in pyproject.toml."""
    start, end = 0, len(text)
    if table is not None:
        header = re.search(rf"^\s*\[\s*tool\.flowc\.{re.escape(table)}\s*\]", text, re.MULTILINE)
        if header is None:
            return None
        start = header.end()
        following = re.compile(r"^\s*\[", re.MULTILINE).search(text, start)
        end = following.start() if following else end
    pattern = re.compile(rf"^\s*(\[\s*tool\.flowc\.{re.escape(key)}\s*\]|{re.escape(key)}\s*=)", re.MULTILINE)
    found = pattern.search(text, start, end)
    if found is None:
        return None
    line = text.count("\n", 0, found.start(1)) + 1
    col = found.start(1) - (text.rfind("\n", 0, found.start(1)) + 1) + 1
    return Span(path=str(path), line=line, col=col, end_line=line, end_col=col + len(found.group(1)))


def check_option_tables(config: Config, flags: Sequence[str]) -> list[Diagnostic]:
    """Problems of the `[tool.flowc.<backend>]` tables, located in pyproject.toml.

    Options a `-O` flag overrides are left to the driver, which reports them unlocated.
    """
    from flowc.backends import registry
    from flowc.backends.options import parse_options_by_name

    if config.path is None:
        return []
    text = config.path.read_text(encoding="utf-8")
    overridden = {item.partition("=")[0] for item in flags}
    out: list[Diagnostic] = []
    for name, table in sorted(config.backend_options.items()):
        try:
            backend = registry.load(name)
        except (registry.BackendNotFound, registry.BackendNotAvailable):
            continue  # an unknown table is reported by load_config; an unavailable backend by the driver
        own = {k: v for k, v in table.items() if f"{name}.{k}" not in overridden}
        for key, d in parse_options_by_name(name, backend.options, own)[1]:
            out.append(d.model_copy(update={"span": locate_setting(config.path, text, key, table=name)}))
    return out


def option_tables(config: Config, flags: Sequence[str]) -> dict[str, dict[str, object]]:
    """`-O target.key=value` flags (kept as text) over `[tool.flowc.<target>]` tables."""
    options: dict[str, dict[str, object]] = {t: dict(v) for t, v in config.backend_options.items()}
    for item in flags:
        key, sep, raw = item.partition("=")
        target, dot, name = key.partition(".")
        if not sep or not dot or not target or not name:
            raise ValueError(f"--option {item!r}: write TARGET.KEY=VALUE, e.g. airflow.mode=kubernetes")
        options.setdefault(target, {})[name] = raw
    return options


def split_optimization_levels(flags: Sequence[str]) -> tuple[list[str], int | None]:
    """`-O` flags split into backend options and the optimization level the last `-O<digits>` sets.

    `-O` names backend options (`-O kfp.max_spec_bytes=...`) and, as in C compilers, the
    optimization level: `-O0` turns the optimizer off, `-O1`, `-O2`... keep it on.
    """
    levels = [int(item) for item in flags if OPTIMIZATION_LEVEL.fullmatch(item)]
    return [item for item in flags if not OPTIMIZATION_LEVEL.fullmatch(item)], levels[-1] if levels else None


def should_optimize(config: Config, level: int | None, no_optimize: bool) -> bool:
    """Whether to run the optimizer: `--no-optimize`, then the last `-O<n>`, then `[tool.flowc] optimize`."""
    if no_optimize:
        return False
    return level > 0 if level is not None else config.optimize


def unknown_flag_targets(flags: Sequence[str], available: Sequence[str]) -> list[Diagnostic]:
    """`-O` flags naming a target no installed backend has (a typo in `-O airflw.mode=...`)."""
    hint = "available targets: " + ", ".join(available)
    named = sorted({item.partition(".")[0] for item in flags})
    return [Diagnostic.of(codes.UNKNOWN_TARGET, None, t, hint=hint) for t in named if t not in available]
