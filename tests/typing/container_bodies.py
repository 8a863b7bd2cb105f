# Container tasks' bodies under mypy with flowc.mypy_plugin: the `...` body is a declaration
# (never run), whichever way flowc is imported; every other body is checked as usual.
from collections.abc import Callable
from typing import TypeVar

import flowc as fc
from flowc import Dataset, container_task
from flowc import container_task as image_step

F = TypeVar("F", bound=Callable[..., object])


def mine(fn: F) -> F:  # a decorator of the user's own, not flowc's
    return fn


@container_task(image="alpine:3", command=["cut", "{data}"])
def cut(data: Dataset) -> Dataset: ...


@fc.container_task(image="alpine:3", command=["sort", "{data}"])
def sort(data: Dataset) -> Dataset:
    """A docstring before the `...` is still an empty body."""
    ...


@image_step(image="alpine:3", command=["wc", "{data}"])
def count(data: Dataset) -> int:
    raise NotImplementedError


@mine
def not_a_task(data: Dataset) -> int: ...  # error: [empty-body] outside flowc


@container_task(image="alpine:3", command=["true"])
def with_code(x: int) -> int:  # error: [return] code is checked
    print(x)
