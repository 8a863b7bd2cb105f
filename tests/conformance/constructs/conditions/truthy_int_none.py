"""`if n:` on `int | None` given None: false."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def truthy_int_none(n: int | None = 0) -> str:
    if n:
        out = label(text="then")
    else:
        out = label(text="else")
    return out


RUNS = [{"n": None}]
XFAIL = {"kfp": "kfp-none-argument"}
