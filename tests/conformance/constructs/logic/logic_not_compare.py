"""`not` around a comparison."""

from flowc import pipeline, task


@task
def score(n: int) -> int:
    return n


@task
def low(n: int) -> int:
    return n


@pipeline
def logic_not_compare(n: int = 2) -> None:
    s = score(n=n)
    if not s > 3:
        low(n=s)


RUNS = [{}, {"n": 4}]
