"""A parameter of type `int | None` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: int | None) -> int | None:
    return v


@pipeline
def param_optional_none(v: int | None = None) -> int | None:
    return echo(v=v)


RUNS = [{}, {"v": 4}]
XFAIL = {"kfp": "kfp-none-default"}
