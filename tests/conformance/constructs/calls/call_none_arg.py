"""`None` passed explicitly to an optional task parameter."""

from flowc import pipeline, task


@task
def maybe(v: int | None) -> str:
    return "nothing" if v is None else str(v)


@pipeline
def call_none_arg() -> str:
    return maybe(v=None)


XFAIL = {"kfp": "kfp-absent-optional-int"}
