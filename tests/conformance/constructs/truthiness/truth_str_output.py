"""Bare truthiness of a `str` output (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: str) -> str:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_str_output(v: str = "abc") -> str:
    got = make(v=v)
    if got:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": ""}, {"v": "0"}]
