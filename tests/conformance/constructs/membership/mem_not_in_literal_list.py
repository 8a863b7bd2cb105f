"""`not in` a literal list of ints, on a task output."""

from flowc import pipeline, task


@task
def code(n: int) -> int:
    return n


@task
def unusual(n: int) -> int:
    return n


@pipeline
def mem_not_in_literal_list(n: int = 4) -> None:
    c = code(n=n)
    if c not in [1, 2, 3]:
        unusual(n=c)


RUNS = [{}, {"n": 2}]
