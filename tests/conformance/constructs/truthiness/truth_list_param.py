"""Bare truthiness of a `list[str]` param (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: list[str]) -> list[str]:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_list_param(v: list[str] = ["a"]) -> str:
    if v:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": []}]
