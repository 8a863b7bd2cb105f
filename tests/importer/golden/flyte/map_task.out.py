"""map_task(t)(x=xs) and map_task(functools.partial(t, k=v))(x=xs) -> list comprehensions."""

from flowc import pipeline, task


@task
def scale(x: int, factor: int) -> int:
    return x * factor


@task
def square(x: int) -> int:
    return x * x


@task
def add_up(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def mapped(xs: list[int] = [1, 2, 3], factor: int = 2) -> int:
    # flowc import: `concurrency=2` of map_task has no flowc equivalent and was left out
    squares = [square(x=x) for x in xs]  # E: FLC903
    # bind the factor first
    scaled = [scale(factor=factor, x=x) for x in squares]
    return add_up(xs=scaled)
