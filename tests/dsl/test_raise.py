"""`raise` in a pipeline body: read into a failing step (`flowc.ir.failure`), decided once in the IR."""

from __future__ import annotations

import textwrap
from pathlib import Path

from flowc.ir.passes import prepare
from flowc.ir.failure import is_failing_task
from flowc.ir.invariants import invariant_problems
from flowc.ir.model import ConditionNode, LoopNode, OutputBinding, Program, TaskNode
from flowc.ir.types import FLOAT, INT, NamedTupleType, NoneType
from tests.dsl.helpers import condition, node, read_ok

HEADER = '''
from flowc import pipeline, task


@task
def step(x: int) -> int:
    return x


@task
def other(x: int) -> float:
    return x / 2
'''


def _read(tmp_path: Path, body: str) -> Program:
    program = read_ok(tmp_path, HEADER + textwrap.dedent(body)).program
    lowered = prepare(program, optimize=False)
    assert invariant_problems(lowered) == []
    return program


def _failing(program: Program, node_id: str, pipeline: str = "flow") -> tuple[TaskNode, object]:
    found = node(program.pipeline(pipeline), node_id)
    assert isinstance(found, TaskNode)
    task = program.task(found.task)
    assert is_failing_task(task)
    return found, task


def test_raise_in_else_arm_provides_the_value_the_other_arm_assigns(tmp_path: Path) -> None:
    program = _read(tmp_path, '''
        @pipeline
        def flow(x: int) -> int:
            if x < 10:
                y = step(x=x)
            else:
                raise ValueError("x out of range")
            return step(x=y)
    ''')
    fail, task = _failing(program, "fail")
    assert task.code.function == "def flow_fail():\n    raise ValueError('x out of range')\n"  # type: ignore[attr-defined]
    assert task.returns == NamedTupleType(name="flow_fail_outputs", fields=task.returns.fields)  # type: ignore[attr-defined]
    cond = condition(program.pipeline("flow"), "cond_1")
    assert [o.name for o in cond.outputs] == ["y"]
    assert cond.outputs[0].sources[1] == OutputBinding(node=fail.id, field="y", span=fail.span)


def test_raise_beside_return_and_at_the_end_of_the_body(tmp_path: Path) -> None:
    program = _read(tmp_path, '''
        @pipeline
        def flow(x: int) -> float:
            if x < 10:
                return other(x=x)
            else:
                raise ValueError("too big")

        @pipeline
        def always(x: int) -> int:
            step(x=x)
            raise RuntimeError("never finishes")
    ''')
    _, task = _failing(program, "fail")
    assert [(f.name, f.type) for f in task.returns.fields] == [("return_0", FLOAT)]  # type: ignore[attr-defined]
    fail, task = _failing(program, "fail", "always")
    assert [(f.name, f.type) for f in task.returns.fields] == [("value_output", INT)]  # type: ignore[attr-defined]
    binding = OutputBinding(node=fail.id, field="value_output", span=fail.span)
    assert program.pipeline("always").results[0].binding == binding


def test_steps_after_a_raising_statement_wait_for_it(tmp_path: Path) -> None:
    program = _read(tmp_path, '''
        @pipeline
        def flow(x: int, xs: list[int]) -> int:
            if x < 0:
                raise ValueError("negative")
            for v in xs:
                if v < 0:
                    raise ValueError("negative item")
            return step(x=x)
    ''')
    p = program.pipeline("flow")
    loop = node(p, "loop_1")
    assert isinstance(loop, LoopNode) and loop.after == ("cond_1",)
    assert node(p, "step").after == ("cond_1", "loop_1")
    # an `if` that may raise has an `else`, so it always finishes (KFP skips an `if` no arm of which ran)
    guard = condition(p, "cond_1")
    assert guard.has_else and guard.branches[-1].body == () and len(guard.branches) == 2
    _, task = _failing(program, "fail_2")
    assert task.returns == NoneType()  # type: ignore[attr-defined]


def test_an_if_whose_every_arm_raises_raises(tmp_path: Path) -> None:
    program = _read(tmp_path, '''
        @pipeline
        def flow(x: int) -> int:
            if x < 0:
                raise ValueError("negative")
            elif x > 100:
                raise ValueError("too big")
            else:
                raise RuntimeError("no")
    ''')
    p = program.pipeline("flow")
    cond = p.body[0]
    assert isinstance(cond, ConditionNode)
    assert [o.name for o in cond.outputs] == ["value_output"]
    assert [s.node for s in cond.outputs[0].sources if isinstance(s, OutputBinding)] == ["fail", "fail_2", "fail_3"]
    assert p.results[0].binding == OutputBinding(node="cond_1", field="value_output")


def test_failing_tasks_get_distinct_names_and_run_as_bare_tasks(tmp_path: Path) -> None:
    program = _read(tmp_path, '''
        @task
        def flow_fail(x: int) -> int:
            return x

        @pipeline
        def flow(x: int) -> int:
            if x < 0:
                raise ValueError("negative")
            return flow_fail(x=x)
    ''')
    fail = node(program.pipeline("flow"), "fail")
    assert isinstance(fail, TaskNode) and fail.task == "flow_fail_2"
    task = program.task("flow_fail_2")
    assert task.options.cache is False and task.options.retries == 0


def test_the_message_reaches_the_step_exactly(tmp_path: Path) -> None:
    """Quotes, braces of engine templates and escapes stay text: the step raises exactly the message."""
    message = 'it\'s "{{ ds }}" {x}\\n\u00e9'
    program = _read(tmp_path, f'''
        @pipeline
        def flow(x: int) -> int:
            if x < 0:
                raise KeyError({message!r})
            return step(x=x)
    ''')
    _, task = _failing(program, "fail")
    namespace: dict[str, object] = {}
    exec(task.code.function, namespace)  # type: ignore[attr-defined]  # the generated code, not the user's
    try:
        namespace[task.code.function_name]()  # type: ignore[attr-defined,operator]
    except KeyError as exc:
        assert exc.args == (message,)
    else:
        raise AssertionError("the failing step did not raise")
