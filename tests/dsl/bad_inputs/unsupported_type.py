from typing import NamedTuple

from flowc import pipeline, task


class Pair(NamedTuple):
    a: int
    b: set[int]  # E: FLC202 @8


@task
def pair() -> Pair: ...


@task
def a(x: dict[int, str]) -> int: ...  # E: FLC202 @10


@task
def b(x: list[Pair]) -> int: ...  # E: FLC202 @15


@task
def c(x: int) -> tuple[int, int]: ...  # E: FLC202 @18


@task
def d(x: int | str) -> int: ...  # E: FLC202 @10


@task
def e(x: "int") -> int: ...  # E: FLC202 @10
