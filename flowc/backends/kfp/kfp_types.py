"""How boundary types appear in a KFP PipelineSpec: parameter types and artifact schemas."""

from __future__ import annotations

from typing import Any

from flowc.ir.types import ArtifactType, DictType, ListType, OptionalType, RunStatusType, ScalarType, Type

PARAMETER_TYPES: dict[str, str] = {
    "str": "STRING",
    "int": "NUMBER_INTEGER",
    "float": "NUMBER_DOUBLE",
    "bool": "BOOLEAN",
}

ARTIFACT_SCHEMAS: dict[str, str] = {
    "Artifact": "system.Artifact",
    "Dataset": "system.Dataset",
    "Model": "system.Model",
    "Metrics": "system.Metrics",
}


def strip_optional(t: Type) -> Type:
    return t.inner if isinstance(t, OptionalType) else t


def artifact_of(t: Type) -> tuple[ArtifactType, bool] | None:
    """`(artifact type, is_list)` when `t` travels as a KFP artifact (or artifact list), else None."""
    t = strip_optional(t)
    if isinstance(t, ArtifactType):
        return t, False
    if isinstance(t, ListType) and isinstance(t.item, ArtifactType):
        return t.item, True
    return None


def parameter_type(t: Type) -> str:
    """The `parameterType` of a non-artifact boundary type."""
    t = strip_optional(t)
    match t:
        case ScalarType(name=name):
            return PARAMETER_TYPES[name]
        case ListType():
            return "LIST"
        case DictType():
            return "STRUCT"
        case RunStatusType():
            return "TASK_FINAL_STATUS"  # an exit task's PipelineTaskFinalStatus (cleanup.py)
        case _:
            return "STRING"


def artifact_type_spec(t: ArtifactType) -> dict[str, Any]:
    return {"schemaTitle": ARTIFACT_SCHEMAS[t.name], "schemaVersion": "0.0.1"}


def io_definition(t: Type) -> tuple[str, dict[str, Any]]:
    """`("artifacts"|"parameters", definition)` for an input or output of type `t`."""
    art = artifact_of(t)
    if art is not None:
        spec: dict[str, Any] = {"artifactType": artifact_type_spec(art[0])}
        if art[1]:
            spec["isArtifactList"] = True
        return "artifacts", spec
    return "parameters", {"parameterType": parameter_type(t)}


def typed_value(value: Any, t: Type) -> Any:
    """A literal as its declared type says (`list[float]` default `[1, 2]` -> `[1.0, 2.0]`)."""
    t = strip_optional(t)
    if value is None:
        return None
    match t:
        case ScalarType(name="float") if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        case ListType(item=item) if isinstance(value, list):
            return [typed_value(v, item) for v in value]  # pyright: ignore[reportUnknownVariableType]
        case DictType(value=inner) if isinstance(value, dict):
            return {k: typed_value(v, inner) for k, v in value.items()}  # pyright: ignore[reportUnknownVariableType]
        case _:
            return value
