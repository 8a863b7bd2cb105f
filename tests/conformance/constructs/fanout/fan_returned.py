"""A pipeline returning a fan-in list."""

from flowc import pipeline, task


@task
def label(x: int) -> str:
    return f"#{x}"


@pipeline
def fan_returned(xs: list[int] = [3, 1, 2]) -> list[str]:
    return [label(x=x) for x in xs]
