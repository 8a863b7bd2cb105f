"""A parameter of type `list[str]` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: list[str]) -> list[str]:
    return v


@pipeline
def param_list_str(v: list[str] = ["a", "b c", ""]) -> list[str]:
    return echo(v=v)


RUNS = [{}, {"v": ["x"]}]
