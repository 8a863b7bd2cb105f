"""A parameter without a default, given by every run."""

from flowc import pipeline, task


@task
def echo(v: str, n: int) -> str:
    return v * n


@pipeline
def param_no_default(v: str, n: int = 2) -> str:
    return echo(v=v, n=n)


RUNS = [{"v": "ab"}, {"v": "x", "n": 3}]
