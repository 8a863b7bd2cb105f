"""`return` inside every branch."""

from flowc import pipeline, task


@task
def yes(n: int) -> int:
    return n * 2


@task
def no(n: int) -> int:
    return n * 3


@pipeline
def branch_return_each(n: int = 1) -> int:
    if n == 1:
        return yes(n=n)
    else:
        return no(n=n)


RUNS = [{}, {"n": 4}]
