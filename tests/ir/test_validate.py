from __future__ import annotations

import pytest

from flowc.ir.model import Pipeline, Program, PythonTask, Resources, TaskCode, TaskOptions
from flowc.ir.span import Span
from flowc.ir.types import INT
from flowc.ir.validate import is_valid_quantity, is_valid_schedule, validate


@pytest.mark.parametrize("q", ["1", "500m", "0.5", "2Gi", "650M", "1e3", "128974848", "1.5Ti", ".5"])
def test_kubernetes_quantities_are_accepted(q: str) -> None:
    assert is_valid_quantity(q)


@pytest.mark.parametrize("q", ["", "2GB", "two", "-1", "1.5.2", "Gi", "2 Gi", "1mi"])
def test_bad_quantities_are_rejected(q: str) -> None:
    assert not is_valid_quantity(q)


@pytest.mark.parametrize("s", ["0 3 * * *", "*/15 * * * *", "0 0 1,15 * mon-fri", "@daily", "@hourly", "5 4 * jan sun"])
def test_schedules_are_accepted(s: str) -> None:
    assert is_valid_schedule(s)


@pytest.mark.parametrize("s", ["", "daily", "@fortnightly", "0 3 * *", "61 * * * *", "* 24 * * *", "*/0 * * * *", "0 3 * * * *"])
def test_bad_schedules_are_rejected(s: str) -> None:
    assert not is_valid_schedule(s)


def _span(line: int) -> Span:
    return Span(path="p.py", line=line, col=1, end_line=line, end_col=5)


def _task(name: str, line: int, **res: str) -> PythonTask:
    code = TaskCode(function_name=name, function=f"def {name}(): ...")
    return PythonTask(
        name=name, params=(), returns=INT, code=code, span=_span(line),
        options=TaskOptions(resources=Resources(**res)),
    )


def _pipeline(name: str, line: int, schedule: str | None = None) -> Pipeline:
    return Pipeline(name=name, params=(), returns=INT, body=(), schedule=schedule, span=_span(line))


def test_validate_reports_every_problem_at_its_span() -> None:
    program = Program(
        tasks=(_task("ok_task", 1, cpu="1", memory="2Gi"), _task("bad", 5, cpu="lots", memory="2GB")),
        pipelines=(_pipeline("p", 10, "every day"), _pipeline("p", 20)),
    )
    found = sorted((d.code, d.span.line if d.span else 0) for d in validate(program))
    assert found == [("FLC303", 5), ("FLC303", 5), ("FLC304", 10), ("FLC402", 20)]


def test_names_colliding_on_an_engine_are_reported_at_both_names() -> None:
    program = Program(tasks=(_task("load_data", 1), _task("load__data", 2)))
    diags = validate(program)
    assert sorted((d.code, d.span.line if d.span else 0) for d in diags) == [("FLC404", 1), ("FLC404", 2)]
    assert all("load-data" in d.message for d in diags)


def test_valid_program_has_no_diagnostics() -> None:
    program = Program(tasks=(_task("train", 1, cpu="500m"),), pipelines=(_pipeline("churn", 3, "@daily"),))
    assert validate(program) == []


@pytest.mark.parametrize("node_id", ["my task", "flowc-results", "cond_1-then", "données", ""])
def test_node_ids_from_any_front_end_are_identifiers_so_backends_keep_dashed_ids_for_themselves(node_id: str) -> None:
    from flowc.ir.model import TaskNode

    node = TaskNode(id=node_id, task="ok_task", inputs=(), span=_span(7))
    pipeline = Pipeline(name="p", params=(), returns=INT, body=(node,), span=_span(6))
    diags = validate(Program(tasks=(_task("ok_task", 1),), pipelines=(pipeline,)))
    assert [(d.code, d.span.line if d.span else 0) for d in diags] == [("FLC401", 7)]
