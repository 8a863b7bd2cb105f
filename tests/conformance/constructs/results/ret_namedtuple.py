"""A task's NamedTuple fields returned as a tuple, and a field used downstream."""

from typing import NamedTuple

from flowc import pipeline, task


class Split(NamedTuple):
    head: list[int]
    tail: list[int]
    cut: int


@task
def split(xs: list[int], at: int) -> Split:
    return Split(head=xs[:at], tail=xs[at:], cut=at)


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def ret_namedtuple(xs: list[int] = [1, 2, 3, 4], at: int = 1) -> tuple[list[int], int, int]:
    s = split(xs=xs, at=at)
    return s.head, total(xs=s.tail), s.cut


RUNS = [{}, {"at": 4}]
