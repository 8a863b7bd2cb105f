"""`if d:` on `dict[str, int]`: {} is false, {"a": 1} is true."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def truthy_dict(d: dict[str, int] = {}) -> str:
    if d:
        out = label(text="then")
    else:
        out = label(text="else")
    return out


RUNS = [{}, {"d": {"a": 1}}]
