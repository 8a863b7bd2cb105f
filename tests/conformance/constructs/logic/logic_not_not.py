"""`not not x` and `not` of an `or`."""

from flowc import pipeline, task


@task
def flag(v: bool) -> bool:
    return v


@task
def mark(v: bool) -> bool:
    return v


@pipeline
def logic_not_not(a: bool = True, b: bool = False) -> None:
    fa = flag(v=a)
    fb = flag(v=b)
    if not not fa:
        mark(v=fa)
    if not (fa or fb):
        mark(v=fb)


RUNS = [{}, {"a": False}]
