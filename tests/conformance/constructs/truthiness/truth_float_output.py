"""Bare truthiness of a `float` output (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: float) -> float:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_float_output(v: float = 0.0) -> str:
    got = make(v=v)
    if got:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": 2.5}, {"v": -0.1}]
