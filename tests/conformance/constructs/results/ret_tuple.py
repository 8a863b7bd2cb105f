"""A pipeline returning a tuple of three outputs of different types."""

from flowc import pipeline, task


@task
def stats(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else 0.0


@task
def count(xs: list[float]) -> int:
    return len(xs)


@task
def describe(n: int) -> str:
    return f"{n} values"


@pipeline
def ret_tuple(xs: list[float] = [1.0, 2.0, 4.5]) -> tuple[float, int, str]:
    n = count(xs=xs)
    return stats(xs=xs), n, describe(n=n)


RUNS = [{}, {"xs": []}]
