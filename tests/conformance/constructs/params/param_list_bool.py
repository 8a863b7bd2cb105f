"""A parameter of type `list[bool]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: list[bool]) -> list[bool]:
    return v


@pipeline
def param_list_bool(v: list[bool] = [True, False]) -> list[bool]:
    return echo(v=v)


RUNS = [{}]
