"""Bare truthiness of `None` given as the argument of an `int | None` parameter."""

from flowc import pipeline, task


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_optional_none_argument(v: int | None = 3) -> str:
    if v:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{"v": None}]
XFAIL = {"kfp": "kfp-none-argument"}
