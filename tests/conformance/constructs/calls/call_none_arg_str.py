"""`None` passed explicitly to a `str | None` task parameter that has no default."""

from flowc import pipeline, task


@task
def maybe_text(v: str | None) -> str:
    return "nothing" if v is None else "text " + v


@pipeline
def call_none_arg_str() -> str:
    return maybe_text(v=None)
