"""An optional parameter with a `None` default, never given: the task sees `None`."""

from flowc import pipeline, task


@task
def describe(v: float | None) -> str:
    return "none" if v is None else f"v={v}"


@pipeline
def param_unused_optional(v: float | None = None) -> str:
    return describe(v=v)


RUNS = [{}, {"v": 1.5}]
XFAIL = {"kfp": "kfp-none-default"}
