"""Bare values inside `and`/`or`/`not`: `if s and not items or n:`."""

from flowc import pipeline, task


@task
def items(n: int) -> list[int]:
    return list(range(n))


@task
def fire(s: str) -> str:
    return s


@pipeline
def logic_truthy_mix(s: str = "x", n: int = 0, m: int = 0) -> None:
    got = items(n=m)
    if s and not got or n:
        fire(s=s)


RUNS = [{}, {"m": 2}, {"m": 2, "n": 1}, {"s": ""}]
