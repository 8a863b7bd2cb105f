"""A pipeline returning nothing: only task runs are compared."""

from flowc import pipeline, task


@task
def side(n: int) -> None:
    print(n)


@pipeline
def ret_none(n: int = 1) -> None:
    side(n=n)
    side(n=2)
