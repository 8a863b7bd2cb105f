"""A condition on the loop item itself (no task in between)."""

from flowc import pipeline, task


@task
def big(x: int) -> int:
    return x


@task
def small(x: int) -> int:
    return -x


@pipeline
def fan_condition_on_item(xs: list[int] = [1, 5, 10]) -> None:
    for x in xs:
        if x > 4:
            big(x=x)
        else:
            small(x=x)
