"""Bare truthiness of a `None` returned by an `int | None` task (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: int) -> int | None:
    return None if v < 0 else v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_optional_none_output(v: int = 0) -> str:
    got = make(v=v)
    if got:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{"v": -1}]
XFAIL = {"kfp-O0": "kfp-none-int-output"}  # fused, the None never crosses kfp.local
