"""A parameter of type `int` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: int) -> int:
    return v


@pipeline
def param_int(v: int = -7) -> int:
    return echo(v=v)


RUNS = [{}, {"v": 0}, {"v": 12345678901}]
