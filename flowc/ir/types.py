"""The boundary type system: the types a value may have when it crosses between steps.

`str int float bool`, `list[T]`, `dict[str, T]`, `T | None`, the file-backed
artifacts, NamedTuples of these (a task's several outputs), and `None` for tasks
that return nothing. `TupleType` only describes what a pipeline returns.
"""

from __future__ import annotations

from typing import Annotated, Literal, Union

from flowc.ir.base import IRModel, Tagged

ScalarName = Literal["str", "int", "float", "bool"]
ArtifactName = Literal["Dataset", "Model", "Metrics", "Artifact"]
ARTIFACT_NAMES: tuple[ArtifactName, ...] = ("Dataset", "Model", "Metrics", "Artifact")
SCALAR_NAMES: tuple[ScalarName, ...] = ("str", "int", "float", "bool")


class ScalarType(IRModel):
    """`str`, `int`, `float` or `bool`."""

    kind: Literal["scalar"] = "scalar"
    name: ScalarName


class ListType(IRModel):
    """`list[item]`."""

    kind: Literal["list"] = "list"
    item: Type


class DictType(IRModel):
    """`dict[str, value]` (keys are always strings at a boundary)."""

    kind: Literal["dict"] = "dict"
    value: Type


class OptionalType(IRModel):
    """`inner | None`."""

    kind: Literal["optional"] = "optional"
    inner: Type


class ArtifactType(IRModel):
    """A file-backed artifact: `Dataset`, `Model`, `Metrics` or `Artifact`."""

    kind: Literal["artifact"] = "artifact"
    name: ArtifactName


class NoneType(IRModel):
    """The result of a task that returns nothing."""

    kind: Literal["none"] = "none"


class NamedField(IRModel):
    """One field of a NamedTuple."""

    name: str
    type: Type


class NamedTupleType(IRModel):
    """A NamedTuple of boundary types: a step with several named outputs."""

    kind: Literal["namedtuple"] = "namedtuple"
    name: str
    fields: tuple[NamedField, ...]

    def field(self, name: str) -> NamedField | None:
        return next((f for f in self.fields if f.name == name), None)


class TupleType(IRModel):
    """`tuple[A, B, ...]`: several unnamed values a pipeline returns."""

    kind: Literal["tuple"] = "tuple"
    items: tuple[Type, ...]


class RunStatusType(IRModel):
    """`flowc.RunStatus`: how a `try` block ended, taken only by steps of its `finally` block."""

    kind: Literal["run_status"] = "run_status"


Type = Annotated[
    Union[
        ScalarType,
        ListType,
        DictType,
        OptionalType,
        ArtifactType,
        NoneType,
        NamedTupleType,
        TupleType,
        RunStatusType,
    ],
    Tagged("kind"),
]

STR = ScalarType(name="str")
INT = ScalarType(name="int")
FLOAT = ScalarType(name="float")
BOOL = ScalarType(name="bool")
NONE = NoneType()
RUN_STATUS = RunStatusType()


def render(t: Type) -> str:
    """The type as a user writes it: `list[dict[str, int]]`, `Dataset | None`."""
    match t:
        case ScalarType(name=name) | ArtifactType(name=name):
            return name
        case ListType(item=item):
            return f"list[{render(item)}]"
        case DictType(value=value):
            return f"dict[str, {render(value)}]"
        case OptionalType(inner=inner):
            return f"{render(inner)} | None"
        case NoneType():
            return "None"
        case NamedTupleType(name=name):
            return name
        case TupleType(items=items):
            return "tuple[" + ", ".join(render(i) for i in items) + "]"
        case RunStatusType():
            return "RunStatus"


def is_assignable(source: Type, target: Type) -> bool:
    """Whether a value of type `source` may flow where `target` is expected.

    Equal types flow; an `int` flows into a `float`; anything flows into its
    optional; containers are covariant (values are copied across boundaries);
    a specific artifact flows into the generic `Artifact`.
    """
    if source == target:
        return True
    match source, target:
        case ScalarType(name="int"), ScalarType(name="float"):
            return True
        case ScalarType(name="bool"), ScalarType(name="int" | "float"):
            return False
        case NoneType(), OptionalType():
            return True
        case OptionalType(inner=s), OptionalType(inner=t):
            return is_assignable(s, t)
        case _, OptionalType(inner=t):
            return is_assignable(source, t)
        case ListType(item=s), ListType(item=t):
            return is_assignable(s, t)
        case DictType(value=s), DictType(value=t):
            return is_assignable(s, t)
        case ArtifactType(), ArtifactType(name="Artifact"):
            return True
        case NamedTupleType(), NamedTupleType():
            return source.fields == target.fields
        case _:
            return False


def is_artifact(t: Type) -> bool:
    return isinstance(t, ArtifactType)


def contains_artifact(t: Type) -> bool:
    """Whether an artifact appears anywhere inside `t` (e.g. `list[Model]`)."""
    return _contains(t, ArtifactType)


def contains_run_status(t: Type) -> bool:
    """Whether `RunStatus` appears anywhere inside `t`."""
    return _contains(t, RunStatusType)


def _contains(t: Type, kind: type[Type]) -> bool:
    """Whether a type of `kind` appears anywhere inside `t`, `t` included."""
    match t:
        case ListType(item=inner) | DictType(value=inner) | OptionalType(inner=inner):
            return _contains(inner, kind)
        case NamedTupleType(fields=fields):
            return any(_contains(f.type, kind) for f in fields)
        case TupleType(items=items):
            return any(_contains(i, kind) for i in items)
        case _:
            return isinstance(t, kind)
