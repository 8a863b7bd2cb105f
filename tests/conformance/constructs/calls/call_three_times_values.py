"""One task called three times with different arguments, values chained."""

from flowc import pipeline, task


@task
def step(x: int, k: int) -> int:
    return x * 10 + k


@pipeline
def call_three_times_values(x: int = 1) -> int:
    a = step(x=x, k=1)
    b = step(x=a, k=2)
    return step(x=b, k=3)
