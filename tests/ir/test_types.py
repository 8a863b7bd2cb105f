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


def test_ir_nodes_are_frozen_and_strict_when_read_from_json() -> None:
    import dataclasses

    from pydantic import ValidationError

    from flowc.ir.model import ConstBinding, Program
    from flowc.ir.span import Span

    span = Span(path="p.py", line=1, col=2, end_line=1, end_col=3)
    with pytest.raises(dataclasses.FrozenInstanceError):
        span.line = 3  # type: ignore[misc]
    with pytest.raises(ValidationError, match="bogus"):
        Span.model_validate({"path": "p.py", "line": 1, "col": 1, "end_line": 1, "end_col": 2, "bogus": 1})
    with pytest.raises(ValidationError):
        Program.model_validate_json('{"tasks": [{"kind": "nope"}]}')
    binding = ConstBinding(value=[1, 2.5, {"a": None}])
    assert ConstBinding.model_validate_json(binding.model_dump_json()) == binding


def test_importing_the_ir_does_not_import_pydantic() -> None:
    import subprocess
    import sys

    code = "import sys, flowc.ir.model, flowc.ir.diagnostics; print('pydantic' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "False"
