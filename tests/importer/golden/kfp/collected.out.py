"""dsl.ParallelFor + dsl.Collected -> a list comprehension (the fan-in)."""
from flowc import pipeline, task


@task(cache=True)
def square(x: int) -> int:
    return x * x


@task(cache=True)
def add_up(values: list[int]) -> int:
    return sum(values)


@pipeline
def squares(xs: list[int] = [1, 2, 3]) -> list[int]:
    sq = [square(x=x) for x in xs]
    total = add_up(values=sq)
    return sq
