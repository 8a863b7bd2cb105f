"""A sub-pipeline returning a tuple, unpacked by the caller."""

from flowc import pipeline, task


@task
def lo(x: int) -> int:
    return x - 1


@task
def hi(x: int) -> int:
    return x + 1


@task
def span(a: int, b: int) -> int:
    return b - a


@pipeline
def sub_tuple_unpack_inner(x: int) -> tuple[int, int]:
    return lo(x=x), hi(x=x)


@pipeline
def sub_tuple_unpack(x: int = 10) -> int:
    a, b = sub_tuple_unpack_inner(x=x)
    return span(a=a, b=b)
