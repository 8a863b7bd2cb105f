"""The Airflow backend's options: declared once, parsed from CLI strings or `[tool.flowc.airflow]`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from flowc.backends.base import BackendOption
from flowc.ir import codes
from flowc.ir.diagnostics import Diagnostic

Mode = Literal["python", "kubernetes"]

OPTIONS: tuple[BackendOption, ...] = (
    BackendOption("mode", "where steps run: in the Airflow worker or one pod per step", "python", ("python", "kubernetes")),
    BackendOption(
        "artifact_root",
        "base path for artifacts (default: flowc-artifacts in the worker's temp dir; "
        "$FLOWC_ARTIFACT_ROOT overrides it at run time)",
        "",
    ),
    BackendOption("max_map_length", "Airflow's [core] max_map_length: the widest fan-out", 1024),
    BackendOption("namespace", "kubernetes mode: the namespace pods run in", "default"),
    BackendOption(
        "artifact_pvc",
        "kubernetes mode: a PersistentVolumeClaim mounted at artifact_root in every pod, so artifacts pass between steps",
        "",
    ),
    BackendOption("tags", "DAG tags, comma-separated or a JSON list", "flowc"),
)


@dataclass(frozen=True)
class AirflowOptions:
    mode: Mode = "python"
    artifact_root: str = ""
    max_map_length: int = 1024
    namespace: str = "default"
    artifact_pvc: str = ""
    tags: tuple[str, ...] = ("flowc",)


def parse_options(raw: Mapping[str, Any]) -> tuple[AirflowOptions, list[Diagnostic]]:
    """Options from strings or JSON values; each bad one is a diagnostic, defaults stand in."""
    diags: list[Diagnostic] = []
    known = {o.name for o in OPTIONS}
    for name in sorted(set(raw) - known):
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, name, "unknown option; known: " + ", ".join(sorted(known))))
    mode = str(raw.get("mode", "python")).strip().lower()
    if mode not in ("python", "kubernetes"):
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "mode", f"expected python or kubernetes, got {mode!r}"))
        mode = "python"
    width = _int(raw.get("max_map_length", 1024))
    if width is None or width < 1:
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "max_map_length", "expected a positive integer"))
        width = 1024
    root = str(raw.get("artifact_root") or "")
    if any(ch in root for ch in '"\\\n'):
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "artifact_root", "a path without quotes, backslashes or newlines"))
    if raw.get("artifact_pvc") and not raw.get("artifact_root"):
        diags.append(Diagnostic.of(codes.AIRFLOW_BAD_OPTION, None, "artifact_pvc", "needs artifact_root: the path it is mounted at"))
    opts = AirflowOptions(
        mode="kubernetes" if mode == "kubernetes" else "python",
        artifact_root=str(raw.get("artifact_root") or ""),
        max_map_length=width,
        namespace=str(raw.get("namespace") or "default"),
        artifact_pvc=str(raw.get("artifact_pvc") or ""),
        tags=_tags(raw.get("tags", "flowc")),
    )
    return opts, diags


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _tags(value: Any) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v) for v in value)  # pyright: ignore[reportUnknownVariableType, reportUnknownArgumentType]
    return tuple(t.strip() for t in str(value).split(",") if t.strip())
