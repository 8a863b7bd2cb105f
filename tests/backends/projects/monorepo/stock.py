"""Another pipeline of the same monorepo, with another task named `extract`."""

from flowc import pipeline, task


@task
def extract(x: int) -> int:
    return x * 10


@pipeline
def stock_flow(x: int = 1) -> int:
    return extract(x=x)
