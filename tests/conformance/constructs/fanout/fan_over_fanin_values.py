"""Fan-out over a fan-in list of values (the output of an earlier comprehension)."""

from flowc import pipeline, task


@task
def inc(x: int) -> int:
    return x + 1


@task
def neg(x: int) -> int:
    return -x


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def fan_over_fanin_values(xs: list[int] = [1, 2, 3]) -> int:
    firsts = [inc(x=v) for v in xs]
    seconds = [neg(x=f) for f in firsts]
    return total(xs=seconds)


RUNS = [{}, {"xs": [10]}]
