"""Untyped tasks and task groups typed from the file: literals, upstream results, `.expand` items, arithmetic."""
from flowc import pipeline, task


@task
def numbers() -> list[int]:
    return [1, 2, 3]


@task
def double(n: int) -> int:
    return n * 2


@task
def scale(n: int, factor: float) -> float:
    return n * factor


@task
def total(values: list[int]) -> None:
    print(sum(values))


@task
def shout(word: str) -> str:
    return word + "!"


@pipeline
def twice(n: int) -> int:
    return double(double(n))


@pipeline
def inferred_params() -> None:
    nums = numbers()
    doubled = [double(n=n) for n in nums]
    total(doubled)
    for n in [1, 2]:
        scale(factor=0.5, n=n)  # results nobody uses: a loop
    shout("hey")
    for n in [4, 5]:
        twice(n=n)
