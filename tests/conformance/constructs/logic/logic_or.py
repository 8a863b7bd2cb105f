"""`or` of two comparisons on task outputs."""

from flowc import pipeline, task


@task
def a(n: int) -> int:
    return n


@task
def b(n: int) -> int:
    return -n


@task
def either(n: int) -> int:
    return n


@pipeline
def logic_or(n: int = 0) -> None:
    x = a(n=n)
    y = b(n=n)
    if x > 2 or y > 2:
        either(n=n)


RUNS = [{}, {"n": 3}, {"n": -3}]
