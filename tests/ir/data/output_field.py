"""A NamedTuple result with a field named `output` (flowc's name for a single result)."""

from typing import NamedTuple

from flowc import pipeline, task


class Pair(NamedTuple):
    output: int
    other: str


@task
def make_pair(x: int) -> Pair:
    return Pair(output=x, other="ab")


@task
def add_length(v: int, s: str) -> int:
    return v + len(s)


@pipeline
def returns_field(x: int = 1) -> int:
    p = make_pair(x=x)
    return p.output


@pipeline
def reads_fields(x: int = 1) -> int:
    p = make_pair(x=x)
    return add_length(v=p.output, s=p.other)


@pipeline
def returns_pair(x: int = 1) -> Pair:
    return make_pair(x=x)
