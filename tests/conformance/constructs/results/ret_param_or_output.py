"""A value chosen between a parameter and a task output in branches, then returned."""

from flowc import pipeline, task


@task
def compute(x: int) -> int:
    return x * 3


@pipeline
def ret_param_or_output(x: int = 2, fast: bool = False) -> int:
    if fast:
        v = x
    else:
        v = compute(x=x)
    return v


RUNS = [{}, {"fast": True}]
