"""Bare truthiness of a `list[int]` output (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: list[int]) -> list[int]:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_list_output(v: list[int] = []) -> str:
    got = make(v=v)
    if got:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": [0]}, {"v": [1, 2]}]
