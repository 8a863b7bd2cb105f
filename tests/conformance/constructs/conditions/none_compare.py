"""`x != None` on `int | None` is not truthiness: 0 is not None."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def none_compare(x: int | None = None) -> str:
    if x != None:  # noqa: E711 (the DSL compares with None)
        out = label(text="set")
    else:
        out = label(text="unset")
    return out
