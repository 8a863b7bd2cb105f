"""A loop body that rebinds a name from outside the loop: as plain Python it carries a
value from one item to the next; on every engine the bodies run in parallel (FLC125)."""

from typing import NamedTuple

from flowc import pipeline, task


class Pair(NamedTuple):
    a: int
    b: int


@task
def add(a: int, b: int) -> int: ...


@task
def pair(x: int) -> Pair: ...


@pipeline
def running_total(xs: list[int] = [1, 2]) -> None:
    total = add(a=0, b=0)
    for x in xs:
        total = add(a=total, b=x)  # E: FLC125 @9


@pipeline
def rebinds_parameter(start: int = 0, xs: list[int] = [1]) -> None:
    for x in xs:
        start = add(a=start, b=x)  # E: FLC125 @9


@pipeline
def in_a_branch_and_unpacked(xs: list[int] = [1]) -> None:
    a = add(a=1, b=1)
    for x in xs:
        if x > 0:
            a = add(a=x, b=x)  # E: FLC125 @13
        a, b = pair(x=x)  # E: FLC125 @9


@pipeline
def nested_loops(xs: list[int] = [1], ys: list[int] = [2]) -> None:
    for x in xs:
        inner = add(a=x, b=x)
        for y in ys:
            inner = add(a=inner, b=y)  # E: FLC125 @13


@pipeline
def fine(xs: list[int] = [1]) -> None:
    for x in xs:
        step = add(a=x, b=1)
        step = add(a=step, b=1)
        x = add(a=x, b=2)
        if x > 1:
            deeper = add(a=step, b=x)
            deeper = add(a=deeper, b=x)
    for x in xs:
        step = add(a=x, b=3)


@pipeline
def shadowing_loop_variable(xs: list[int] = [1]) -> None:
    x = add(a=0, b=0)
    for x in xs:
        x = add(a=x, b=1)
