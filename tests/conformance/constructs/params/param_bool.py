"""A parameter of type `bool` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: bool) -> bool:
    return v


@pipeline
def param_bool(v: bool = False) -> bool:
    return echo(v=v)


RUNS = [{}, {"v": True}]
