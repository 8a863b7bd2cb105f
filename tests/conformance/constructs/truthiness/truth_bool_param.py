"""Bare truthiness of a `bool` param (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: bool) -> bool:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_bool_param(v: bool = True) -> str:
    if v:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": False}]
