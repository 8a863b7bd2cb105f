"""Bare truthiness of a `int` param (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: int) -> int:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_int_param(v: int = 0) -> str:
    if v:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": 7}]
