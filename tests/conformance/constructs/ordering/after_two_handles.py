"""`after` with two handles, one a sub-pipeline result."""

from flowc import after, pipeline, task


@task
def step(s: str) -> str:
    return s + "1"


@task
def last(s: str) -> str:
    return s + "!"


@pipeline
def after_two_handles_inner(s: str) -> str:
    return step(s=s)


@pipeline
def after_two_handles(s: str = "a") -> str:
    one = step(s=s)
    two = after_two_handles_inner(s=s)
    with after(one, two):
        r = last(s=s)
    return r
