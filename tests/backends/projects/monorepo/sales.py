"""One pipeline of a monorepo: its own `extract`."""

from flowc import pipeline, task


@task
def extract(x: int) -> int:
    return x + 1


@pipeline
def sales_flow(x: int = 1) -> int:
    return extract(x=x)
