"""`if n:` on `int | None`: 0 and None are false, 3 is true."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def truthy_int(n: int | None = 0) -> str:
    if n:
        out = label(text="then")
    else:
        out = label(text="else")
    return out


RUNS = [{}, {"n": 3}]
