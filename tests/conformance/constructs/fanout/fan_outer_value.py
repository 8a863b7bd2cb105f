"""The loop body uses an outer task's output beside the loop item."""

from flowc import pipeline, task


@task
def offset(n: int) -> int:
    return n * 100


@task
def add(a: int, b: int) -> int:
    return a + b


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def fan_outer_value(n: int = 1, xs: list[int] = [1, 2]) -> int:
    off = offset(n=n)
    return total(xs=[add(a=off, b=x) for x in xs])


XFAIL = {"kfp": "kfp-loop-outer-output"}
