"""Every construct of the pipeline language, read into the IR and checked node by node."""

from __future__ import annotations

from pathlib import Path

from flowc.ir.model import (
    BoolOp,
    Compare,
    ConstBinding,
    LoopItemBinding,
    LoopNode,
    Not,
    OutputBinding,
    ParamBinding,
    PipelineNode,
    TaskNode,
    Truthy,
)
from flowc.ir.types import FLOAT, INT, STR, ArtifactType, ListType, NamedTupleType, TupleType
from tests.dsl.helpers import condition, loop, node, read_ok, with_header


def _inputs(n: object) -> dict[str, object]:
    assert isinstance(n, (TaskNode, PipelineNode))
    return {i.name: i.binding.model_copy(update={"span": None}) for i in n.inputs}


def test_keyword_positional_and_omitted_defaults(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def flow(uri: str) -> Dataset:
            a = load(uri)
            b = load(uri=uri, limit=5)
            return load("x", 3)
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    assert [n.id for n in p.body] == ["load", "load_2", "load_3"]
    assert _inputs(p.body[0]) == {"uri": ParamBinding(name="uri")}
    assert _inputs(p.body[1]) == {"uri": ParamBinding(name="uri"), "limit": ConstBinding(value=5)}
    assert _inputs(p.body[2]) == {"uri": ConstBinding(value="x"), "limit": ConstBinding(value=3)}


def test_nested_calls_are_assignments_in_evaluation_order(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def flow(uri: str) -> float:
            return score(model=train(data=split(data=load(uri=uri)).train, lr=0.1))
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    assert [n.id for n in p.body] == ["load", "split", "train", "score"]
    assert _inputs(node(p, "train"))["data"] == OutputBinding(node="split", field="train")
    assert p.results[0].binding.model_copy(update={"span": None}) == OutputBinding(node="score")


def test_alias_assignment_and_unpacking(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def inner(d: Dataset) -> tuple[Dataset, Dataset]:
            return split(data=d)

        @pipeline
        def flow(uri: str) -> Model:
            data = load(uri=uri)
            same = data
            tr, te = split(data=same)
            a, b = inner(d=te)
            return train(data=b, lr=1)
        """
    )
    program = read_ok(tmp_path, src).program
    inner = program.pipeline("inner")
    assert inner.returns == TupleType(items=(ArtifactType(name="Dataset"), ArtifactType(name="Dataset")))
    assert [r.binding.model_copy(update={"span": None}) for r in inner.results] == [
        OutputBinding(node="split", field="train"),
        OutputBinding(node="split", field="test"),
    ]
    flow = program.pipeline("flow")
    assert _inputs(node(flow, "split")) == {"data": OutputBinding(node="load")}
    assert _inputs(node(flow, "inner")) == {"d": OutputBinding(node="split", field="test")}
    assert isinstance(node(flow, "inner"), PipelineNode)
    train = _inputs(node(flow, "train"))
    assert train == {"data": OutputBinding(node="inner", field="output_1"), "lr": ConstBinding(value=1)}


def test_comprehensions_over_every_kind_of_list(tmp_path: Path) -> None:
    src = with_header(
        """
        class Lists(NamedTuple):
            uris: list[str]
            n: int

        @task
        def lists() -> Lists: ...

        @pipeline
        def one(uri: str) -> float:
            return score(model=train(data=load(uri=uri), lr=0.5))

        @pipeline
        def flow(uris: list[str]) -> list[float]:
            a = [load(uri=u) for u in ["a", "b"]]
            b = [load(uri=u) for u in uris]
            c = [load(uri=u) for u in names()]
            d = [load(uri=u) for u in lists().uris]
            e = [score(model=pick(models=[train(data=x, lr=0.1)])) for x in a]
            return [one(uri=u) for u in uris]
        """
    )
    p = read_ok(tmp_path, src.replace("models=[train(data=x, lr=0.1)]", "models=[]")).program.pipeline("flow")
    loops = [n for n in p.body if isinstance(n, LoopNode)]
    assert [lp.id for lp in loops] == ["loop_1", "loop_2", "loop_3", "loop_4", "loop_5", "loop_6"]
    assert loops[0].items.model_copy(update={"span": None}) == ConstBinding(value=["a", "b"])
    assert loops[1].items.model_copy(update={"span": None}) == ParamBinding(name="uris")
    assert loops[2].items.model_copy(update={"span": None}) == OutputBinding(node="names")
    assert loops[3].items.model_copy(update={"span": None}) == OutputBinding(node="lists", field="uris")
    assert loops[4].items.model_copy(update={"span": None}) == OutputBinding(node="loop_1")
    assert loops[4].item_type == ArtifactType(name="Dataset")
    assert all(lp.item_type == STR for lp in loops[:4])
    assert [n.id for n in loops[4].body] == ["pick", "score"]
    sub = loops[5].body[0]
    assert isinstance(sub, PipelineNode) and sub.pipeline == "one"
    assert _inputs(sub) == {"uri": LoopItemBinding(loop="loop_6")}
    assert p.results[0].type == ListType(item=FLOAT)
    assert p.results[0].binding.model_copy(update={"span": None}) == OutputBinding(node="loop_6")


def test_nested_comprehension_is_a_nested_loop(tmp_path: Path) -> None:
    src = with_header(
        """
        @task
        def cell(a: int, b: str) -> int: ...

        @task
        def grid(cells: list[list[int]]) -> int: ...

        @pipeline
        def flow(xs: list[int], ys: list[str]) -> int:
            return grid(cells=[[cell(a=x, b=y) for y in ys] for x in xs])
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    outer = loop(p, "loop_1")
    inner = loop(p, "loop_2")
    assert outer.body == (inner,) and outer.var == "x" and inner.var == "y"
    assert _inputs(inner.body[0]) == {"a": LoopItemBinding(loop="loop_1"), "b": LoopItemBinding(loop="loop_2")}
    assert outer.result_type == ListType(item=INT)
    assert _inputs(node(p, "grid")) == {"cells": OutputBinding(node="loop_1")}


def test_for_loop_has_no_result(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def flow(texts: list[str]) -> None:
            for t in texts:
                note(text=t)
                note(text="after")
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    lp = loop(p, "loop_1")
    assert lp.result is None and lp.result_type is None and [n.id for n in lp.body] == ["note", "note_2"]
    assert p.results == ()


def test_if_elif_else_and_every_condition_form(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def flow(x: int, y: float, s: str, flag: bool, tags: list[str]) -> None:
            if x == 1 and y != 2.5 or not flag:
                note(text="a")
            elif 0 <= x < 10:
                note(text="b")
            elif s in tags and s not in ["z"]:
                note(text="c")
            elif flag:
                note(text="d")
            elif x > y and x >= -1 and y <= 3:
                note(text="e")
            else:
                note(text="f")
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    cond = condition(p, "cond_1")
    assert len(cond.branches) == 6 and cond.branches[-1].condition is None
    first = cond.branches[0].condition
    assert isinstance(first, BoolOp) and first.op == "or"
    assert isinstance(first.operands[0], BoolOp) and first.operands[0].op == "and"
    assert isinstance(first.operands[1], Not) and isinstance(first.operands[1].operand, Truthy)
    chained = cond.branches[1].condition
    assert isinstance(chained, BoolOp) and [c.op for c in chained.operands] == ["<=", "<"]  # type: ignore[union-attr]
    membership = cond.branches[2].condition
    assert isinstance(membership, BoolOp) and [c.op for c in membership.operands] == ["in", "not in"]  # type: ignore[union-attr]
    assert isinstance(cond.branches[3].condition, Truthy)
    last = cond.branches[4].condition
    assert isinstance(last, BoolOp) and isinstance(last.operands[1], Compare)
    assert last.operands[1].right.model_copy(update={"span": None}) == ConstBinding(value=-1)  # type: ignore[union-attr]
    assert [b.body[0].id for b in cond.branches] == ["note", "note_2", "note_3", "note_4", "note_5", "note_6"]


def test_values_out_of_branches_and_returns_in_branches(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def flow(uri: str, fast: bool) -> float:
            if fast:
                m = train(data=load(uri=uri), lr=1.0)
            else:
                m = pick(models=[])
            s = score(model=m)
            if s > 0.5:
                return s
            else:
                return score(model=m)
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    first = condition(p, "cond_1")
    assert [o.name for o in first.outputs] == ["m"] and first.outputs[0].type == ArtifactType(name="Model")
    assert [s.model_copy(update={"span": None}) for s in first.outputs[0].sources] == [
        OutputBinding(node="train"),
        OutputBinding(node="pick"),
    ]
    assert _inputs(node(p, "score")) == {"model": OutputBinding(node="cond_1", field="m")}
    second = condition(p, "cond_2")
    assert len(second.outputs) == 1 and second.outputs[0].type == FLOAT
    assert p.results[0].binding.model_copy(update={"span": None}) == OutputBinding(
        node="cond_2", field=second.outputs[0].name
    )


def test_after_orders_steps_on_every_kind_of_handle(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def sub(uri: str) -> Dataset:
            return load(uri=uri)

        @pipeline
        def flow(uri: str, texts: list[str]) -> None:
            done = note(text="first")
            d = sub(uri=uri)
            fan = [load(uri=t) for t in texts]
            with after(done, d, fan):
                note(text="second")
                with after(note(text="inner")):
                    note(text="third")
                for t in texts:
                    note(text=t)
                split(data=d)
            note(text="outside")
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    assert isinstance(node(p, "note_2"), TaskNode) and node(p, "note_2").after == ("note", "sub", "loop_1")
    assert node(p, "note_3").after == ("note", "sub", "loop_1")  # the handle itself runs before the block
    assert node(p, "note_4").after == ("note", "sub", "loop_1", "note_3")
    assert node(p, "loop_2").after == ("note", "sub", "loop_1")
    assert node(p, "note_5").after == ("note", "sub", "loop_1")
    assert node(p, "split").after == ("note", "loop_1")  # the data dependency on `sub` is not repeated
    assert node(p, "note_6").after == ()


def test_flowc_recognized_however_imported(tmp_path: Path) -> None:
    src = '''
import flowc
import flowc as fc
from flowc import pipeline as flow_pipeline, task as t


@t(retries=1)
def a(x: int) -> fc.Dataset: ...


@fc.task
def b(d: flowc.Dataset) -> int: ...


@flowc.task()
def c(n: int) -> None: ...


@flow_pipeline
def p(x: int) -> int:
    h = c(n=x)
    with flowc.after(h):
        d = a(x=x)
    with fc.after(d):
        return b(d=d)
'''
    program = read_ok(tmp_path, src).program
    assert [t.name for t in program.tasks] == ["a", "b", "c"]
    assert program.task("a").returns == ArtifactType(name="Dataset") and program.task("a").options.retries == 1
    p = program.pipeline("p")
    assert node(p, "a").after == ("c",) and node(p, "b").after == ()  # b's data dependency on a


def test_literals_constants_and_negative_numbers(tmp_path: Path) -> None:
    src = '''
from flowc import pipeline, task

LIMIT = -5
NAMES = ["a", "b"]
TABLE = {"k": [1, 2]}
ALIAS = LIMIT


@task
def use(n: int, f: float, names: list[str], table: dict[str, list[int]], flag: bool | None) -> None: ...


@pipeline
def p(n: int = ALIAS) -> None:
    """Docstring first."""
    pass
    use(n=LIMIT, f=-2, names=NAMES, table=TABLE, flag=None)
    use(n=+3, f=1.5e3, names=[], table={}, flag=True)
'''
    p = read_ok(tmp_path, src).program.pipeline("p")
    assert p.doc == "Docstring first." and p.params[0].default == -5
    assert _inputs(p.body[0]) == {
        "n": ConstBinding(value=-5),
        "f": ConstBinding(value=-2),
        "names": ConstBinding(value=["a", "b"]),
        "table": ConstBinding(value={"k": [1, 2]}),
        "flag": ConstBinding(value=None),
    }
    assert _inputs(p.body[1])["f"] == ConstBinding(value=1500.0)


def test_types_of_parameters_and_results(tmp_path: Path) -> None:
    src = '''
from typing import NamedTuple, Optional

import flowc as fc
from flowc import Artifact, Metrics, task


class Out(NamedTuple):
    model: fc.Model
    scores: dict[str, list[float]]
    note: str | None


@task
def t(
    a: list[list[int]],
    b: Optional[Metrics],
    c: None | Artifact,
    d: dict[str, list[int]] = {"x": [1]},
) -> Out: ...
'''
    task = read_ok(tmp_path, src).program.task("t")
    rendered = [p.type for p in task.params]
    assert rendered[0] == ListType(item=ListType(item=INT))
    assert rendered[1].kind == "optional" and rendered[2].kind == "optional"
    assert isinstance(task.returns, NamedTupleType) and [f.name for f in task.returns.fields] == ["model", "scores", "note"]
    assert [o.name for o in task.outputs] == ["model", "scores", "note"]


def test_int_flows_into_float_and_specific_artifacts_into_artifact(tmp_path: Path) -> None:
    src = '''
from flowc import Artifact, Model, pipeline, task


@task
def m() -> Model: ...


@task
def n() -> int: ...


@task
def use(a: Artifact, f: float) -> None: ...


@pipeline
def p() -> None:
    use(a=m(), f=n())
'''
    p = read_ok(tmp_path, src).program.pipeline("p")
    assert [n.id for n in p.body] == ["m", "n", "use"]


def test_repeated_calls_get_numbered_ids_unique_across_nesting(tmp_path: Path) -> None:
    src = with_header(
        """
        @pipeline
        def flow(texts: list[str], x: int) -> None:
            note(text="a")
            for t in texts:
                note(text=t)
                if x > 1:
                    note(text="b")
            if x > 2:
                note(text="c")
            note(text="d")
        """
    )
    p = read_ok(tmp_path, src).program.pipeline("flow")
    from flowc.ir.model import iter_nodes

    assert [n.id for n in iter_nodes(p.body)] == ["note", "loop_1", "note_2", "cond_1", "note_3", "cond_2", "note_4", "note_5"]


def test_star_import_of_flowc(tmp_path: Path) -> None:
    src = '''
from flowc import *


@task
def one() -> Dataset: ...


@pipeline
def p() -> Dataset:
    return one()
'''
    program = read_ok(tmp_path, src).program
    assert [t.name for t in program.tasks] == ["one"] and program.pipeline("p").body[0].id == "one"
    import flowc
    from flowc.dsl.reader.symbols import FLOWC_PUBLIC

    assert set(FLOWC_PUBLIC) == set(flowc.__all__) - {"__version__"}


def test_spans_point_at_the_source(tmp_path: Path) -> None:
    src = '''from flowc import pipeline, task


@task
def double(x: int) -> int: ...


@pipeline
def p(n: int = 2, ns: list[int] = [1]) -> list[int]:
    y = double(x=n)
    if y > 3:
        double(x=y)
    return [double(x=v) for v in ns]
'''
    result = read_ok(tmp_path, src)
    task = result.program.task("double")
    assert task.span is not None and (task.span.line, task.span.col, task.span.end_col) == (5, 5, 11)
    p = result.program.pipeline("p")
    assert p.span is not None and (p.span.line, p.span.col) == (9, 5)
    assert [(q.span.line, q.span.col) for q in p.params if q.span] == [(9, 7), (9, 19)]
    call = p.body[0]
    assert isinstance(call, TaskNode) and call.span is not None
    assert (call.span.line, call.span.col, call.span.end_line, call.span.end_col) == (10, 9, 10, 20)
    binding = call.inputs[0].binding
    assert binding.span is not None and (binding.span.line, binding.span.col, binding.span.end_col) == (10, 18, 19)
    cond = p.body[1]
    assert cond.span is not None and (cond.span.line, cond.span.col) == (11, 5)
    compare = cond.branches[0].condition  # type: ignore[union-attr]
    assert compare is not None and compare.span is not None and (compare.span.line, compare.span.col) == (11, 8)
    fan = p.body[2]
    assert isinstance(fan, LoopNode) and fan.span is not None and (fan.span.line, fan.span.col) == (13, 12)
    assert fan.items.span is not None and (fan.items.span.line, fan.items.span.col) == (13, 34)
    assert p.results[0].binding.span is not None and p.results[0].binding.span.col == 12


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    src = '''from flowc import pipeline, task


@task
def t(a: str, b: int) -> int: ...


@pipeline
def p() -> int:
    return t(a="héllo wörld", b="x")
'''
    from tests.dsl.helpers import read_source

    result = read_source(tmp_path, src)
    (d,) = [d for d in result.diagnostics if d.is_error]
    assert d.code == "FLC201" and d.span is not None and (d.span.line, d.span.col) == (10, 33)  # 35 in UTF-8 bytes
