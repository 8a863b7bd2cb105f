"""`not (a and b) or c`, nested, on bool parameters."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def nested_bool(a: bool = True, b: bool = True, c: bool = False) -> str:
    if not (a and b) or c:
        out = label(text="yes")
    else:
        out = label(text="no")
    return out


RUNS = [{}, {"b": False}, {"c": True}]
