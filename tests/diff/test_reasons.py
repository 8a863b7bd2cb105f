"""Each part of a task's cache key gives its own reason (`compare.task_reasons`), without git."""

from __future__ import annotations

from pathlib import Path

import pytest

from flowc.diff.compare import task_reasons
from flowc.diff.locate import Locator
from flowc.diff.sides import Side, SideRead
from flowc.ir.command import TextPart
from flowc.ir.model import ContainerTask, Parameter, PythonTask, TaskCode, TaskOptions
from flowc.ir.types import INT, STR

BASE = PythonTask(
    name="f", params=(Parameter(name="x", type=INT),), returns=INT,
    code=TaskCode(function_name="f", function="def f(x):\n    return x\n", preamble="import os\nK = 1\n"),
)
NOWHERE = Locator(SideRead(Side(label="new", directory=Path("/nonexistent"))))


def options(**changes: object) -> PythonTask:
    return BASE.model_copy(update={"options": BASE.options.model_copy(update=changes)})


@pytest.mark.parametrize(
    ("changed", "said"),
    [
        (options(image="python:3.13-slim"), ["image"]),
        (options(packages=("numpy",)), ["packages"]),
        (options(env=(("A", "1"),)), ["env"]),
        (options(secrets=("token",)), ["secrets"]),
        (options(retries=5, timeout_seconds=9), []),  # not part of the key: what the task computes is the same
        (BASE.model_copy(update={"returns": STR}), ["its signature"]),
        (BASE.model_copy(update={"code": BASE.code.model_copy(update={"preamble": "import os\nK = 2\n"})}), ["helper K"]),
        (BASE.model_copy(update={"code": BASE.code.model_copy(update={"preamble": "K = 1\nimport os\n"})}), ["the order of its helpers and imports"]),
        (BASE.model_copy(update={"code": BASE.code.model_copy(update={"function": "def f(x):\n    return -x\n"})}), ["its code"]),
    ],
)
def test_each_part_of_a_task_key_is_its_own_reason(changed: PythonTask, said: list[str]) -> None:
    assert [r.text() for r in task_reasons(BASE, changed, NOWHERE)] == said


def test_a_container_command_is_its_own_reason() -> None:
    task = ContainerTask(name="c", params=(), returns=INT, options=TaskOptions(image="busybox"), command=((TextPart(text="true"),),))
    changed = task.model_copy(update={"command": ((TextPart(text="false"),),)})
    assert [r.text() for r in task_reasons(task, changed, NOWHERE)] == ["its command"]
