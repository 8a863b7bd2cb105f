"""A sub-pipeline called once, its parameter with a default omitted by the caller."""

from flowc import pipeline, task


@task
def inc(x: int, by: int) -> int:
    return x + by


@pipeline
def sub_basic_inner(x: int, by: int = 2) -> int:
    return inc(x=inc(x=x, by=by), by=by)


@pipeline
def sub_basic(x: int = 1) -> int:
    return sub_basic_inner(x=x)


RUNS = [{}, {"x": -5}]
