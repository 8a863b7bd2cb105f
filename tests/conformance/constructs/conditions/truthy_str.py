"""`if s:` on `str`: "" is false, "abc" is true."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def truthy_str(s: str = "") -> str:
    if s:
        out = label(text="then")
    else:
        out = label(text="else")
    return out


RUNS = [{}, {"s": "abc"}]
