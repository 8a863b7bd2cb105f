"""Calls of one component with different options: flowc options belong to the task."""
from flowc import pipeline, task


@task(retries=2, cache=True)
def work(n: int) -> int:
    return n


@pipeline
def twice() -> None:
    work(n=1)
    # flowc import: calls of 'work' set retries differently; flowc options belong to the task, so every call gets retries=2
    work(n=2)  # E: FLC904
