"""Fan-out over an empty list parameter: the body never runs, the fan-in is `[]`."""

from flowc import pipeline, task


@task
def double(x: int) -> int:
    return x * 2


@task
def count(xs: list[int]) -> int:
    return len(xs)


@pipeline
def fan_empty_list(xs: list[int] = []) -> int:
    return count(xs=[double(x=v) for v in xs])


XFAIL = {"kfp": "kfp-empty-loop"}
