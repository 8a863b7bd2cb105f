"""Fan-out over a list parameter: one `double` per item, the fan-in summed."""

from flowc import pipeline, task


@task
def double(x: int) -> int:
    return x * 2


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def fan_list_param(xs: list[int] = [1, 2, 3]) -> int:
    return total(xs=[double(x=v) for v in xs])


RUNS = [{}, {"xs": [5]}]
