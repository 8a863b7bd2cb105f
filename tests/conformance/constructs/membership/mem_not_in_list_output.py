"""`not in` a list of ints that a task returned, with a task output on the left."""

from flowc import pipeline, task


@task
def evens(n: int) -> list[int]:
    return [i for i in range(n) if i % 2 == 0]


@task
def ident(n: int) -> int:
    return n


@task
def odd(n: int) -> int:
    return n


@pipeline
def mem_not_in_list_output(x: int = 3, n: int = 6) -> None:
    v = ident(n=x)
    found = evens(n=n)
    if v not in found:
        odd(n=v)


RUNS = [{}, {"x": 4}, {"n": 0, "x": 0}]
