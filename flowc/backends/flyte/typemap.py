"""Boundary types as flytekit annotations (text for the generated module)."""

from __future__ import annotations

from flowc.ir.types import (
    ArtifactType,
    DictType,
    ListType,
    NamedTupleType,
    NoneType,
    OptionalType,
    ScalarType,
    TupleType,
    Type,
)


def flyte_type(t: Type) -> str:
    """`list[Model]` -> `typing.List[FlyteFile]`; NamedTuples and tuples are the caller's class."""
    match t:
        case ScalarType(name=name):
            return name
        case ListType(item=item):
            return f"typing.List[{flyte_type(item)}]"
        case DictType(value=value):
            return f"typing.Dict[str, {flyte_type(value)}]"
        case OptionalType(inner=inner):
            return f"typing.Optional[{flyte_type(inner)}]"
        case ArtifactType():
            return "FlyteFile"
        case NoneType():
            return "None"
        case NamedTupleType() | TupleType():
            raise ValueError("several outputs are declared as a NamedTuple class by the caller")


def camel(name: str) -> str:
    """`weekly_report` -> `WeeklyReport` (NamedTuple class names)."""
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part)


def is_flat(t: Type) -> bool:
    """A scalar, an artifact or an optional scalar: what a raw container can read and write."""
    match t:
        case ScalarType() | ArtifactType():
            return True
        case OptionalType(inner=ScalarType()):
            return True
        case _:
            return False
