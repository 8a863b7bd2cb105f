"""Literal list and dict arguments (of constants) to a task."""

from flowc import pipeline, task


@task
def describe(xs: list[int], d: dict[str, float], nested: list[list[str]]) -> str:
    return f"{sum(xs)} {sorted(d.items())} {nested}"


@pipeline
def call_literal_containers() -> str:
    return describe(xs=[1, 2, 3], d={"a": 0.5, "b": -1.0}, nested=[["x"], []])
