"""An `elif` is tested only when the arms before it did not hold (`None > 2` would raise)."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def elif_short_circuit(n: int | None = None) -> str:
    if n == None:  # noqa: E711
        out = label(text="none")
    elif n > 2:
        out = label(text="big")
    else:
        out = label(text="small")
    return out
