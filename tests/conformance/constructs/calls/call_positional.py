"""Positional task arguments, mixed with keywords."""

from flowc import pipeline, task


@task
def combine(a: str, b: int, c: bool = False) -> str:
    return f"{a}-{b}-{c}"


@pipeline
def call_positional(a: str = "p", b: int = 3) -> str:
    return combine(a, b, c=True)
