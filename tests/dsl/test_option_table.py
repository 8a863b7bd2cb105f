"""One table of task options (flowc/ir/task_options.py) drives the decorators, the reader, the IR and the docs."""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from pathlib import Path

import pytest

from flowc.dsl import language
from flowc.dsl.reader.options import ALLOWED
from flowc.ir.model import TaskOptions
from flowc.ir.task_options import REQUIRED, TASK_OPTIONS, TaskKind, default, options_for

ROOT = Path(__file__).resolve().parents[2]


def _keyword_signature(kind: TaskKind) -> inspect.Signature:
    if kind == "container_task":
        return inspect.signature(language.container_task)
    overloads: list[Callable[..., object]] = list(typing.get_overloads(language.task))
    (with_options,) = [f for f in overloads if not any(p.kind is p.POSITIONAL_ONLY for p in inspect.signature(f).parameters.values())]
    return inspect.signature(with_options)


@pytest.mark.parametrize("kind", ["task", "container_task"])
def test_decorator_signatures_follow_the_table(kind: TaskKind) -> None:
    params = _keyword_signature(kind).parameters
    table = options_for(kind)
    assert list(params) == [o.name for o in table]
    for o in table:
        p = params[o.name]
        want = p.empty if o.required_for(kind) else o.default_for(kind)
        assert (o.name, p.default) == (o.name, want)
        assert (o.name, p.annotation) == (o.name, o.annotation)


@pytest.mark.parametrize("kind", ["task", "container_task"])
def test_the_reader_takes_exactly_the_table(kind: TaskKind) -> None:
    assert ALLOWED[kind] == tuple(o.name for o in options_for(kind))


def test_ir_defaults_are_the_table_defaults() -> None:
    ir = TaskOptions()
    assert (ir.image, ir.retries, ir.cache, ir.fuse) == (default("image"), default("retries"), default("cache"), default("fuse"))
    assert ir.packages == default("packages") and ir.secrets == default("secrets")
    assert ir.timeout_seconds is default("timeout") and ir.env == () and default("env") is None


def test_container_tasks_require_image_and_command() -> None:
    assert [o.name for o in TASK_OPTIONS if o.default_for("container_task") is REQUIRED] == ["image", "command"]


def test_task_options_page_is_current() -> None:
    from flowc.ir.docs import task_options_page

    page = (ROOT / "docs" / "task_options.md").read_text(encoding="utf-8")
    assert page == task_options_page(), "run: python -m flowc.ir.docs"
