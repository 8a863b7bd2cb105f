"""An `if` inside an `if`, each on a different task output."""

from flowc import pipeline, task


@task
def a(n: int) -> int:
    return n


@task
def b(n: int) -> int:
    return n % 3


@task
def inner(n: int) -> int:
    return n


@task
def outer(n: int) -> int:
    return n


@pipeline
def branch_nested_if(n: int = 7) -> None:
    x = a(n=n)
    if x > 2:
        outer(n=x)
        y = b(n=x)
        if y == 1:
            inner(n=y)


RUNS = [{}, {"n": 8}, {"n": 1}]
