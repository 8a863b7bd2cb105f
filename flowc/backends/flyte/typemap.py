"""Boundary types as flytekit annotations (text for the generated module)."""

from __future__ import annotations

from flowc.ir.types import (
    ArtifactType,
    DictType,
    ListType,
    NamedTupleType,
    NoneType,
    OptionalType,
    RunStatusType,
    ScalarType,
    TupleType,
    Type,
)


FLYTE_ERROR = "typing.Optional[FlyteError]"
"""A `RunStatus` input: the failure handler's error, None on the success path (flyte/cleanup.py)."""


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
        case RunStatusType():
            return FLYTE_ERROR
        case NamedTupleType() | TupleType():
            raise ValueError("several outputs are declared as a NamedTuple class by the caller")


def outputs_class_name(function: str) -> str:
    """The NamedTuple class of a generated function's outputs: `split_data` -> `_flowc_split_data_Outputs`.

    One class per function name, so distinct functions never share one (`split_data`
    and `splitData` both became `SplitDataOutputs` when classes were camel-cased), and
    in the `_flowc` namespace, which no task or pipeline name may take.
    """
    return f"_flowc_{function}_Outputs"


def is_flat(t: Type) -> bool:
    """A scalar, an artifact or an optional scalar: what a raw container can read and write."""
    match t:
        case ScalarType() | ArtifactType():
            return True
        case OptionalType(inner=ScalarType()):
            return True
        case _:
            return False
