"""A parameter of type `list[int]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: list[int]) -> list[int]:
    return v


@pipeline
def param_list_int(v: list[int] = [3, -1, 0]) -> list[int]:
    return echo(v=v)


RUNS = [{}, {"v": []}]
