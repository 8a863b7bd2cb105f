"""`if f:` on `float`: 0.0 is false, 2.5 is true; `not f` the other way round."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def truthy_float(f: float = 0.0) -> str:
    if not f:
        out = label(text="zero")
    else:
        out = label(text="nonzero")
    return out


RUNS = [{}, {"f": 2.5}]
