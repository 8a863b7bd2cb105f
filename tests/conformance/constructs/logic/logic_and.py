"""`and` of two comparisons, one on a parameter and one on a task output."""

from flowc import pipeline, task


@task
def size(n: int) -> int:
    return n * 2


@task
def both(n: int) -> int:
    return n


@pipeline
def logic_and(n: int = 3, on: bool = True) -> None:
    s = size(n=n)
    if on == True and s > 4:  # noqa: E712 - a comparison with a bool literal on purpose
        both(n=s)


RUNS = [{}, {"on": False}, {"n": 1}]
