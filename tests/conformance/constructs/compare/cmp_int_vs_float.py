"""An int output compared with a float literal (an int may flow where a float is expected)."""

from flowc import pipeline, task


@task
def count(n: int) -> int:
    return n


@task
def enough(n: int) -> int:
    return n * 10


@pipeline
def cmp_int_vs_float(n: int = 3) -> None:
    c = count(n=n)
    if c >= 2.5:
        enough(n=c)


RUNS = [{}, {"n": 2}]
