"""Bare truthiness of a `float` param (`if x:`): Python's rule for its type, on every engine."""

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
def truth_float_param(v: float = 0.0) -> str:
    if v:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": 0.001}]
