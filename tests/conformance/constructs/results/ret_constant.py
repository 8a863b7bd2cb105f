"""A pipeline returning a literal constant beside a task output."""

from flowc import pipeline, task


@task
def inc(x: int) -> int:
    return x + 1


@pipeline
def ret_constant(x: int = 1) -> tuple[int, str]:
    return inc(x=x), "v1"


