"""A value out of branches feeding a second condition."""

from flowc import pipeline, task


@task
def big(n: int) -> int:
    return n * 10


@task
def small(n: int) -> int:
    return n


@task
def report(n: int) -> int:
    return n


@pipeline
def branch_value_chain(n: int = 5) -> None:
    if n > 3:
        v = big(n=n)
    else:
        v = small(n=n)
    if v >= 10:
        report(n=v)


RUNS = [{}, {"n": 2}, {"n": 1}]
