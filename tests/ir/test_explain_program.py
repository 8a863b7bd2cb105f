"""`explain_program`: the passes' records collected in order, the engine steps read off the result.

The optimizer's own passes are stood in for by small passes in made-up modules that
offer (or lack) the record functions OPTIMIZER.md names, so these tests pin down how
explain collects records, whatever the real passes decide.
"""

from __future__ import annotations

import sys
import textwrap
import types
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from flowc.dsl.reader import read_paths
from flowc.ir.model import Binding, OutputBinding, Program, PythonTask, TaskNode, TaskOptions
from flowc.ir.passes import lower
from flowc.ir.passes.explain import explain_program
from flowc.ir.plan import Merged, NotFused, PipelinePlan, PlannedStep
from flowc.ir.rewrite import rewrite_pipeline
from flowc.ir.validate import validate

SOURCE = textwrap.dedent(
    """\
    from flowc import pipeline, task


    @task(timeout="30s", retries=1, cache=True)
    def parse(x: int) -> int:
        return x


    @task(timeout="60s", retries=3)
    def clean(x: int) -> int:
        return x


    @task(image="gpu:1")
    def featurize(x: int) -> int:
        return x


    @pipeline
    def etl(n: int = 1) -> int:
        a = parse(x=n)
        b = clean(x=a)
        c = clean(x=a)
        return featurize(x=b)
    """
)


def _lowered(path: Path) -> Program:
    """The program as the optimizer receives it: read, checked and lowered (task keys included)."""
    read = read_paths([path])
    assert not read.diagnostics and not validate(read.program)
    return lower(read.program)


@pytest.fixture
def lowered(tmp_path: Path) -> Program:
    path = tmp_path / "etl.py"
    path.write_text(SOURCE)
    return _lowered(path)


def _key(program: Program, task: str) -> str | None:
    return program.task(task).cache_key


Seen = list[tuple[str, tuple[str, ...]]]


def _ids(program: Program) -> tuple[str, ...]:
    return tuple(n.id for n in program.pipeline("etl").body)


@pytest.fixture
def pass_module(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., Callable[[Program], Program]]]:
    """Make a pass living in its own module, with the given record functions beside it."""

    def make(name: str, run: Callable[[Program], Program], **records: Callable[[Program], object]) -> Callable[[Program], Program]:
        module = types.ModuleType(f"fake_passes.{name}")
        run.__module__ = module.__name__
        for record_name, record in records.items():
            setattr(module, record_name, record)
        setattr(module, name, run)
        monkeypatch.setitem(sys.modules, module.__name__, module)
        return run

    yield make


def _drop_clean_2(program: Program) -> Program:
    """A duplicate elimination that knows one duplicate: `clean_2` reads what `clean` computed."""
    pipeline = program.pipeline("etl")
    pipeline = pipeline.model_copy(update={"body": tuple(n for n in pipeline.body if n.id != "clean_2")})

    def same(b: Binding) -> Binding:
        return OutputBinding(node="clean") if isinstance(b, OutputBinding) and b.node == "clean_2" else b

    return program.model_copy(update={"pipelines": (rewrite_pipeline(pipeline, same),)})


def _fuse_parse_clean(program: Program) -> Program:
    """A chain fusion that knows one chain: `parse` then `clean`, into `parse_clean`."""
    parse, clean = program.task("parse"), program.task("clean")
    assert isinstance(parse, PythonTask) and isinstance(clean, PythonTask)
    options = TaskOptions(timeout_seconds=90, retries=3, cache=False)
    fused = clean.model_copy(update={"name": "parse+clean", "members": ("parse", "clean"), "options": options, "cache_key": "f" * 64})
    pipeline = program.pipeline("etl")
    first = pipeline.body[0]
    assert isinstance(first, TaskNode)
    node = first.model_copy(update={"id": "parse_clean", "task": "parse+clean", "label": "parse+clean", "cache_key": "a" * 64})
    body = (node, *(n for n in pipeline.body if n.id not in ("parse", "clean")))

    def moved(b: Binding) -> Binding:
        return OutputBinding(node="parse_clean") if isinstance(b, OutputBinding) and b.node == "clean" else b

    pipeline = rewrite_pipeline(pipeline.model_copy(update={"body": body}), moved)
    return program.model_copy(update={"tasks": (*program.tasks, fused), "pipelines": (pipeline,)})


def _unchanged(program: Program) -> Program:
    """A map fusion that finds nothing to fuse."""
    return program


def test_without_passes_every_call_is_a_step_of_one_member(lowered: Program) -> None:
    [plan] = explain_program(lowered, passes=(), keying=())
    assert [(s.id, s.members, s.tasks, s.cache_key, s.notes) for s in plan.steps] == [
        ("parse", ("parse",), ("parse",), _key(lowered, "parse"), ()),
        ("clean", ("clean",), ("clean",), _key(lowered, "clean"), ()),
        ("clean_2", ("clean_2",), ("clean",), _key(lowered, "clean"), ()),
        ("featurize", ("featurize",), ("featurize",), _key(lowered, "featurize"), ()),
    ]
    assert (plan.not_fused, plan.merged, plan.map_fused) == ((), (), ())


def test_a_pass_without_a_record_only_changes_the_steps(lowered: Program, pass_module: Callable[..., Callable[[Program], Program]]) -> None:
    dedupe = pass_module("dedupe_calls", _drop_clean_2)
    [plan] = explain_program(lowered, passes=(dedupe,), keying=())
    assert [s.id for s in plan.steps] == ["parse", "clean", "featurize"] and plan.merged == ()


NOTES = ("timeout 90 s: the sum of its members'", "not cached: clean is not")


def test_records_are_asked_before_each_pass_in_order(lowered: Program, pass_module: Callable[..., Callable[[Program], Program]]) -> None:
    seen: Seen = []

    def duplicate_calls(program: Program) -> dict[str, list[Merged]]:
        seen.append(("duplicate_calls", _ids(program)))
        return {"etl": [Merged(removed="clean_2", kept="clean")]}

    def map_fusions(program: Program) -> dict[str, list[tuple[str, str]]]:
        seen.append(("map_fusions", _ids(program)))
        return {"etl": [("loop_2", "loop_1")], "other": [("loop_9", "loop_8")]}

    def fusion_plan(program: Program) -> dict[str, tuple[tuple[PlannedStep, ...], tuple[NotFused, ...]]]:
        seen.append(("fusion_plan", _ids(program)))
        step = PlannedStep(id="parse_clean", label="parse+clean", members=("parse", "clean"), tasks=("parse", "clean"), notes=NOTES)
        alone = PlannedStep(id="featurize", label="featurize", members=("featurize",), tasks=("featurize",))
        return {"etl": ((step, alone), (NotFused(before="clean", after="featurize", reason="different image"),))}

    passes = (
        pass_module("dedupe_calls", _drop_clean_2, duplicate_calls=duplicate_calls),
        pass_module("fuse_maps", _unchanged, map_fusions=map_fusions),
        pass_module("fuse_chains", _fuse_parse_clean, fusion_plan=fusion_plan),
    )
    [plan] = explain_program(lowered, passes=passes, keying=())
    assert seen == [
        ("duplicate_calls", ("parse", "clean", "clean_2", "featurize")),
        ("map_fusions", ("parse", "clean", "featurize")),
        ("fusion_plan", ("parse", "clean", "featurize")),
    ]
    assert plan == PipelinePlan(
        pipeline="etl",
        steps=(
            PlannedStep(
                id="parse_clean", label="parse+clean", members=("parse", "clean"), tasks=("parse", "clean"), cache_key="a" * 64,
                notes=NOTES,
            ),
            PlannedStep(id="featurize", label="featurize", members=("featurize",), tasks=("featurize",), cache_key=_key(lowered, "featurize")),
        ),
        not_fused=(NotFused(before="clean", after="featurize", reason="different image"),),
        merged=(Merged(removed="clean_2", kept="clean"),),
        map_fused=(("loop_2", "loop_1"),),
    )


def test_a_fused_step_is_found_by_its_label_when_its_id_differs(
    lowered: Program, pass_module: Callable[..., Callable[[Program], Program]]
) -> None:
    """The record's id is fusion's guess of the node id; the optimized node's id is what engines see."""

    def fusion_plan(program: Program) -> dict[str, tuple[tuple[PlannedStep, ...], tuple[NotFused, ...]]]:
        step = PlannedStep(id="parse_clean_2", label="parse+clean", members=("parse", "clean"), tasks=("parse", "clean"))
        return {"etl": ((step,), ())}

    [plan] = explain_program(lowered, passes=(pass_module("fuse_chains", _fuse_parse_clean, fusion_plan=fusion_plan),), keying=())
    assert [(s.id, s.label, s.members) for s in plan.steps] == [
        ("parse_clean", "parse+clean", ("parse", "clean")), ("clean_2", "clean_2", ("clean_2",)), ("featurize", "featurize", ("featurize",)),
    ]


def test_the_task_key_stands_in_where_no_step_key_was_set(lowered: Program) -> None:
    from flowc.ir.passes.cache_key import assign_cache_keys

    [plan] = explain_program(lowered, passes=(assign_cache_keys,), keying=())
    keys = {s.id: s.cache_key for s in plan.steps}
    assert keys["clean"] == keys["clean_2"] != keys["parse"] and all(k and len(k) == 64 for k in keys.values())


LOOPS = textwrap.dedent(
    """\
    from flowc import pipeline, task


    @task
    def fit(x: int) -> int:
        return x


    @pipeline
    def inner(x: int = 1) -> int:
        return fit(x=x)


    @pipeline
    def grid(xs: list[int] = [1, 2], ys: list[int] = [3]) -> list[list[int]]:
        if xs:
            fit(x=1)
        for y in ys:
            inner(x=y)
        return [[fit(x=x) for x in xs] for y in ys]
    """
)


def test_steps_name_their_innermost_loop_and_sub_pipeline_calls_are_steps(tmp_path: Path) -> None:
    path = tmp_path / "grid.py"
    path.write_text(LOOPS)
    plans = {p.pipeline: p for p in explain_program(_lowered(path), passes=(), keying=())}
    assert [(s.id, s.loop, s.tasks) for s in plans["grid"].steps] == [
        ("cond_1_predicate", None, ("cond_1_predicate",)),  # lowering's step deciding `if xs:`
        ("fit", None, ("fit",)), ("inner", "loop_1", ()), ("fit_2", "loop_3", ("fit",)),
    ]
    assert plans["grid"].steps[2].notes == ("runs pipeline inner (planned on its own)",)
    assert [s.id for s in plans["inner"].steps] == ["fit"]


def test_keying_runs_after_the_passes_and_sets_the_keys_shown(
    lowered: Program, pass_module: Callable[..., Callable[[Program], Program]]
) -> None:
    """Step keys come from the program as the engines run it: after fusion, with or without passes."""

    def fusion_plan(program: Program) -> dict[str, tuple[tuple[PlannedStep, ...], tuple[NotFused, ...]]]:
        raise AssertionError("keying is not asked for records")

    def key_steps(program: Program) -> Program:
        pipeline = program.pipeline("etl")
        body = tuple(n.model_copy(update={"cache_key": f"{n.id}-key"}) for n in pipeline.body)
        return program.model_copy(update={"pipelines": (pipeline.model_copy(update={"body": body}),)})

    keying = (pass_module("assign_step_keys", key_steps, fusion_plan=fusion_plan),)
    [plan] = explain_program(lowered, passes=(pass_module("fuse_chains", _fuse_parse_clean),), keying=keying)
    assert [(s.id, s.cache_key) for s in plan.steps] == [("parse_clean", "parse_clean-key"), ("clean_2", "clean_2-key"), ("featurize", "featurize-key")]
    [plan] = explain_program(lowered, passes=(), keying=keying)
    assert [s.cache_key for s in plan.steps] == ["parse-key", "clean-key", "clean_2-key", "featurize-key"]
