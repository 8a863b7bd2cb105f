"""`None` given as the argument of an optional parameter whose default is not None."""

from flowc import pipeline, task


@task
def describe(v: str | None) -> str:
    return "none" if v is None else v


@pipeline
def param_none_argument(v: str | None = "set") -> str:
    return describe(v=v)


RUNS = [{"v": None}]
XFAIL = {"kfp": "kfp-none-argument"}
