"""`not in` a list parameter, with the parameter itself on the left."""

from flowc import pipeline, task


@task
def fresh(n: int) -> int:
    return n * 100


@pipeline
def mem_not_in_list_param(n: int = 5, seen: list[int] = [1, 2, 3]) -> None:
    if n not in seen:
        fresh(n=n)


RUNS = [{}, {"n": 2}, {"seen": []}]
