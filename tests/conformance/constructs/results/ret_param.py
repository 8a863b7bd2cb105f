"""A pipeline returning one of its parameters beside a task output."""

from flowc import pipeline, task


@task
def double(x: int) -> int:
    return x * 2


@pipeline
def ret_param(x: int = 4, tag: str = "t") -> tuple[int, str]:
    return double(x=x), tag


