"""A comprehension inside a comprehension returns a list of lists (a nested fan-in)."""

from flowc import pipeline, task


@task
def mul(a: int, b: int) -> int:
    return a * b


@task
def flat(xss: list[list[int]]) -> list[int]:
    return [x for xs in xss for x in xs]


@pipeline
def fan_nested_lists(a: list[int] = [1, 2], b: list[int] = [3, 4]) -> list[int]:
    return flat(xss=[[mul(a=x, b=y) for y in b] for x in a])
