"""Bare truthiness of a `float | None` param (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: float | None) -> float | None:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_optional_float_param(v: float | None = None) -> str:
    if v:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": 0.0}, {"v": 1.5}]
XFAIL = {"kfp": "kfp-none-default"}
