"""A condition inside a fan-out, on the loop item's task output."""

from flowc import pipeline, task


@task
def check(x: int) -> int:
    return x % 3


@task
def keep(x: int) -> int:
    return x


@pipeline
def fan_condition_inside(xs: list[int] = [1, 2, 3, 4, 5, 6]) -> None:
    for x in xs:
        r = check(x=x)
        if r == 0:
            keep(x=x)


RUNS = [{}, {"xs": [1]}]
