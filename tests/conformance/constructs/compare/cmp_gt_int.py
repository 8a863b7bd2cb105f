"""`>` between a task output and an int literal: the then branch runs only above it."""

from flowc import pipeline, task


@task
def measure(n: int) -> int:
    return n * 2


@task
def high(n: int) -> str:
    return f"high {n}"


@pipeline
def cmp_gt_int(n: int = 3) -> None:
    value = measure(n=n)
    if value > 4:
        high(n=value)


RUNS = [{}, {"n": 2}, {"n": 1}]
