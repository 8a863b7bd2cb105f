"""A parameter of type `float` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: float) -> float:
    return v


@pipeline
def param_float(v: float = 2.5) -> float:
    return echo(v=v)


RUNS = [{}, {"v": -0.125}, {"v": 3.0}]
