"""map_task(t)(x=xs) and map_task(functools.partial(t, k=v))(x=xs) -> list comprehensions."""
import functools
from typing import List

from flytekit import map_task, task, workflow


@task
def scale(x: int, factor: int) -> int:
    return x * factor


@task
def square(x: int) -> int:
    return x * x


@task
def add_up(xs: List[int]) -> int:
    return sum(xs)


@workflow
def mapped(xs: List[int] = [1, 2, 3], factor: int = 2) -> int:
    squares = map_task(square, concurrency=2)(x=xs)  # E: FLC903
    # bind the factor first
    scaler = functools.partial(scale, factor=factor)
    scaled = map_task(scaler)(x=squares)
    return add_up(xs=scaled)
