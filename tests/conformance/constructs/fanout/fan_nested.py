"""Nested comprehensions: a fan-out inside a fan-out, the inner fan-in per outer item."""

from flowc import pipeline, task


@task
def cell(r: int, c: int) -> int:
    return r * 10 + c


@task
def row_sum(xs: list[int]) -> int:
    return sum(xs)


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def fan_nested(rows: list[int] = [1, 2], cols: list[int] = [1, 2, 3]) -> int:
    sums = [row_sum(xs=[cell(r=r, c=c) for c in cols]) for r in rows]
    return total(xs=sums)


RUNS = [{}, {"rows": [5], "cols": [0]}]
