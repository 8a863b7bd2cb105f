"""A sub-pipeline called per item of a comprehension."""

from flowc import pipeline, task


@task
def square(x: int) -> int:
    return x * x


@task
def plus_one(x: int) -> int:
    return x + 1


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def sub_in_loop_inner(x: int) -> int:
    return plus_one(x=square(x=x))


@pipeline
def sub_in_loop(xs: list[int] = [1, 2, 3]) -> int:
    return total(xs=[sub_in_loop_inner(x=v) for v in xs])


RUNS = [{}, {"xs": [4]}]
