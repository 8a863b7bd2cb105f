"""A parameter of type `list[list[int]]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: list[list[int]]) -> list[list[int]]:
    return v


@pipeline
def param_nested_list(v: list[list[int]] = [[1, 2], [], [3]]) -> list[list[int]]:
    return echo(v=v)


RUNS = [{}]
