from __future__ import annotations

import pytest

from flowc.ir.types import (
    BOOL,
    FLOAT,
    INT,
    NONE,
    STR,
    ArtifactType,
    DictType,
    ListType,
    NamedField,
    NamedTupleType,
    OptionalType,
    TupleType,
    Type,
    contains_artifact,
    is_assignable,
    render,
)

DATASET = ArtifactType(name="Dataset")
MODEL = ArtifactType(name="Model")


@pytest.mark.parametrize(
    ("t", "text"),
    [
        (STR, "str"),
        (ListType(item=DictType(value=INT)), "list[dict[str, int]]"),
        (OptionalType(inner=DATASET), "Dataset | None"),
        (TupleType(items=(FLOAT, STR)), "tuple[float, str]"),
        (NONE, "None"),
    ],
)
def test_render_writes_types_as_users_do(t: Type, text: str) -> None:
    assert render(t) == text


@pytest.mark.parametrize(
    ("source", "target", "ok"),
    [
        (INT, FLOAT, True),
        (FLOAT, INT, False),
        (BOOL, INT, False),
        (STR, INT, False),
        (ListType(item=INT), ListType(item=FLOAT), True),
        (ListType(item=FLOAT), ListType(item=INT), False),
        (INT, OptionalType(inner=FLOAT), True),
        (NONE, OptionalType(inner=STR), True),
        (OptionalType(inner=STR), STR, False),
        (MODEL, DATASET, False),
        (MODEL, ArtifactType(name="Artifact"), True),
        (DictType(value=ListType(item=INT)), DictType(value=ListType(item=INT)), True),
    ],
)
def test_assignability_follows_the_settled_semantics(source: Type, target: Type, ok: bool) -> None:
    assert is_assignable(source, target) is ok


def test_contains_artifact_looks_inside_containers_and_namedtuples() -> None:
    split = NamedTupleType(name="Split", fields=(NamedField(name="n", type=INT), NamedField(name="d", type=DATASET)))
    assert contains_artifact(ListType(item=MODEL))
    assert contains_artifact(split)
    assert not contains_artifact(DictType(value=ListType(item=INT)))
