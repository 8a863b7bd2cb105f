"""Explicit None arguments: to `X | None` without a default and with a None default (another default keeps its value)."""

from flowc import pipeline, task


@task
def show(a: int | None, b: str | None = None, c: str | None = "x") -> str:
    return f"{a} {b} {c}"


@pipeline
def none_arguments() -> str:
    return show(a=None, b=None)
