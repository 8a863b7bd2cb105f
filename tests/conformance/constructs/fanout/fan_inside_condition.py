"""A fan-out inside a condition, its fan-in used in the same branch."""

from flowc import pipeline, task


@task
def double(x: int) -> int:
    return 2 * x


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def fan_inside_condition(go: bool = True, xs: list[int] = [1, 2]) -> None:
    if go:
        total(xs=[double(x=v) for v in xs])


RUNS = [{}, {"go": False}]
