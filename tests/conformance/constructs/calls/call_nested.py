"""Nested calls as arguments: `f(x=g(y=h()))` is shorthand for assignments."""

from flowc import pipeline, task


@task
def start() -> int:
    return 2


@task
def mid(y: int) -> int:
    return y * 5


@task
def end(x: int, z: int) -> int:
    return x - z


@pipeline
def call_nested() -> int:
    return end(x=mid(y=start()), z=start())
