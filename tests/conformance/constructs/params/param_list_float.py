"""A parameter of type `list[float]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: list[float]) -> list[float]:
    return v


@pipeline
def param_list_float(v: list[float] = [0.5, 2.0]) -> list[float]:
    return echo(v=v)


RUNS = [{}]
