"""Bare truthiness of a `dict[str, int]` output (`if x:`): Python's rule for its type, on every engine."""

from flowc import pipeline, task


@task
def make(v: dict[str, int]) -> dict[str, int]:
    return v


@task
def yes(tag: str) -> str:
    return "yes " + tag


@task
def no(tag: str) -> str:
    return "no " + tag


@pipeline
def truth_dict_output(v: dict[str, int] = {}) -> str:
    got = make(v=v)
    if got:
        r = yes(tag="t")
    else:
        r = no(tag="f")
    return r


RUNS = [{}, {"v": {"a": 0}}]
