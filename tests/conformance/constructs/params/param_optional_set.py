"""A parameter of type `str | None` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: str | None) -> str | None:
    return v


@pipeline
def param_optional_set(v: str | None = "set") -> str | None:
    return echo(v=v)


RUNS = [{}, {"v": "other"}]
