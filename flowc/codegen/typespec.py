"""Compact JSON forms of boundary types, read by the generated runtime's `coerce`."""

from __future__ import annotations

from typing import Any

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


def type_spec(t: Type) -> list[Any]:
    """`list[int]` -> `["list", ["int"]]`; see `task_runtime.coerce`."""
    match t:
        case ScalarType(name=name):
            return [name]
        case ListType(item=item):
            return ["list", type_spec(item)]
        case DictType(value=value):
            return ["dict", type_spec(value)]
        case OptionalType(inner=inner):
            return ["optional", type_spec(inner)]
        case ArtifactType(name=name):
            return ["artifact", name]
        case NamedTupleType(name=name, fields=fields):
            return ["namedtuple", name, [[f.name, type_spec(f.type)] for f in fields]]
        case TupleType(items=items):
            return ["namedtuple", "tuple", [[f"output_{i}", type_spec(x)] for i, x in enumerate(items)]]
        case NoneType():
            return ["none"]
        case RunStatusType():
            return ["run_status"]
