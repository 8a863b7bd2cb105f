"""`==` between two task outputs."""

from flowc import pipeline, task


@task
def left(s: str) -> str:
    return s.upper()


@task
def right(s: str) -> str:
    return s


@task
def same(s: str) -> str:
    return s + "!"


@pipeline
def cmp_two_outputs(a: str = "x", b: str = "X") -> None:
    l = left(s=a)
    r = right(s=b)
    if l == r:
        same(s=b)


RUNS = [{}, {"b": "x"}]
