"""A parameter of type `dict[str, str]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: dict[str, str]) -> dict[str, str]:
    return v


@pipeline
def param_dict_str_str(v: dict[str, str] = {"k": "v", "empty": ""}) -> dict[str, str]:
    return echo(v=v)


RUNS = [{}]
