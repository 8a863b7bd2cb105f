from typing import NamedTuple

from flowc import pipeline, task


class Two(NamedTuple):
    a: int
    b: int


@task
def two() -> Two: ...


@task
def one() -> int: ...


@pipeline
def flow() -> int:
    a, b, c = two()  # E: FLC119 @5
    d, e = one()  # E: FLC119 @5
    f = two()
    return f.nope  # E: FLC120 @14
