"""`@pipeline(name="inner-pipeline")`, the usual KFP spelling, as a sub-pipeline."""

from flowc import pipeline, task


@task
def twice(s: str) -> str:
    return s + s


@pipeline(name="sub-named-dash-inner")
def sub_named_dash_inner(s: str) -> str:
    return twice(s=s)


@pipeline
def sub_named_dash(s: str = "ab") -> str:
    return sub_named_dash_inner(s=s)
