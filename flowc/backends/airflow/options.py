"""The Airflow backend's options: declared once, parsed by `flowc.backends.options`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from flowc.backends.options import BackendOption, OptionValue, parse_options
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic

Mode = Literal["python", "kubernetes"]

OPTIONS: tuple[BackendOption, ...] = (
    BackendOption("mode", "where steps run: in the Airflow worker or one pod per step", "python", ("python", "kubernetes"), kind="choice"),
    BackendOption(
        "artifact_root",
        "base path for artifacts (default: flowc-artifacts in the worker's temp dir; "
        "$FLOWC_ARTIFACT_ROOT overrides it at run time)",
        "",
    ),
    BackendOption("max_map_length", "Airflow's [core] max_map_length: the widest fan-out", 1024, kind="int", minimum=1),
    BackendOption("namespace", "kubernetes mode: the namespace pods run in", "default"),
    BackendOption(
        "artifact_pvc",
        "kubernetes mode: a PersistentVolumeClaim mounted at artifact_root in every pod, so artifacts pass between steps",
        "",
    ),
    BackendOption("tags", "DAG tags, comma-separated or a JSON list", ("flowc",), kind="list"),
    BackendOption(
        "result_cache",
        "a folder every Airflow worker can reach (an absolute path or file:// URL) where the results of "
        "cache=True steps are kept; a step whose cache key and input values have a stored result is not run again "
        "(empty: off; $FLOWC_RESULT_CACHE overrides the folder at run time)",
        "",
    ),
)


@dataclass(frozen=True)
class AirflowOptions:
    mode: Mode = "python"
    artifact_root: str = ""
    max_map_length: int = 1024
    namespace: str = "default"
    artifact_pvc: str = ""
    tags: tuple[str, ...] = ("flowc",)
    result_cache: str = ""


def airflow_options(values: Mapping[str, object]) -> AirflowOptions:
    """Typed options from parsed (or raw) values; a value that does not parse keeps its default."""
    parsed, _ = parse_options("airflow", OPTIONS, {k: v for k, v in values.items() if k in _NAMES})
    return AirflowOptions(
        mode="kubernetes" if parsed["mode"] == "kubernetes" else "python",
        artifact_root=_text(parsed["artifact_root"]),
        max_map_length=parsed["max_map_length"] if isinstance(parsed["max_map_length"], int) else 1024,
        namespace=_text(parsed["namespace"]) or "default",
        artifact_pvc=_text(parsed["artifact_pvc"]),
        tags=parsed["tags"] if isinstance(parsed["tags"], tuple) else ("flowc",),
        result_cache=_text(parsed["result_cache"]),
    )


def check_options(opts: AirflowOptions) -> list[Diagnostic]:
    """What the option types cannot say: values that only make sense together or unquoted."""
    diags: list[Diagnostic] = []
    if any(ch in opts.artifact_root for ch in '"\\\n'):
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "artifact_root", "a path without quotes, backslashes or newlines"))
    if opts.artifact_pvc and not opts.artifact_root:
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "artifact_pvc", "needs artifact_root: the path it is mounted at"))
    if opts.result_cache and not result_cache_folder(opts.result_cache).startswith("/"):
        why = "a folder on the workers: an absolute path or a file:// URL (mount object storage to share it)"
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "result_cache", why))
    return diags


def result_cache_folder(value: str) -> str:
    """The folder a `result_cache` value names (`file:///x` is `/x`); the runtime reads it the same way."""
    return value.removeprefix("file://")


def parse_airflow_options(raw: Mapping[str, object]) -> tuple[AirflowOptions, list[Diagnostic]]:
    """Options from CLI strings or TOML values, with every problem as a diagnostic."""
    _, diags = parse_options("airflow", OPTIONS, raw)
    opts = airflow_options(raw)
    return opts, [*diags, *check_options(opts)]


_NAMES = frozenset(o.name for o in OPTIONS)


def _text(value: OptionValue) -> str:
    return value if isinstance(value, str) else ""
