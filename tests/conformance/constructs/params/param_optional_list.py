"""A parameter of type `list[int] | None` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: list[int] | None) -> list[int] | None:
    return v


@pipeline
def param_optional_list(v: list[int] | None = None) -> list[int] | None:
    return echo(v=v)


RUNS = [{}, {"v": [1]}]
XFAIL = {"kfp": "kfp-none-default"}
