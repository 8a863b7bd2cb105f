"""A parameter of type `str` with a default, passed through a task and returned."""

from flowc import pipeline, task


@task
def echo(v: str) -> str:
    return v


@pipeline
def param_str(v: str = "héllo \"q\" {x} $HOME") -> str:
    return echo(v=v)


RUNS = [{}, {"v": ""}]
