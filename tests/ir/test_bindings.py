from __future__ import annotations

from typing import Any

from flowc.ir.bindings import BindingTypes, node_bindings
from flowc.ir.model import ConstBinding, LoopItemBinding, LoopNode, OutputBinding, ParamBinding, Program
from flowc.ir.types import FLOAT, ArtifactType, ListType


def test_binding_types_of_the_churn_pipeline(load_example: Any) -> None:
    program: Program = load_example("churn", optimize=False)
    types = BindingTypes(program, program.pipeline("churn"))
    loop = next(n for n in types.nodes.values() if isinstance(n, LoopNode))
    assert types.of(ParamBinding(name="lrs")) == ListType(item=FLOAT)
    assert types.of(LoopItemBinding(loop=loop.id)) == FLOAT
    assert types.of(OutputBinding(node="split", field="train")) == ArtifactType(name="Dataset")
    assert types.of(OutputBinding(node="evaluate", field="output")) == FLOAT
    assert types.of(OutputBinding(node=loop.id)) == ListType(item=ArtifactType(name="Model"))
    assert types.of(ConstBinding(value=1)) is None


def test_node_bindings_lists_what_a_node_reads(load_example: Any) -> None:
    program: Program = load_example("churn", optimize=False)
    train_loop = next(n for n in program.pipeline("churn").body if isinstance(n, LoopNode))
    assert list(node_bindings(train_loop)) == [train_loop.items, train_loop.result]
