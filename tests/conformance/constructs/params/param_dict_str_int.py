"""A parameter of type `dict[str, int]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: dict[str, int]) -> dict[str, int]:
    return v


@pipeline
def param_dict_str_int(v: dict[str, int] = {"a": 1, "b": -2}) -> dict[str, int]:
    return echo(v=v)


RUNS = [{}, {"v": {}}]
