"""A parameter of type `dict[str, list[int]]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: dict[str, list[int]]) -> dict[str, list[int]]:
    return v


@pipeline
def param_dict_of_list(v: dict[str, list[int]] = {"xs": [1, 2], "ys": []}) -> dict[str, list[int]]:
    return echo(v=v)


RUNS = [{}]
