"""@dsl.pipeline: name kept, description -> docstring, typing and bare-list parameters."""

from flowc import pipeline, task


@task(cache=True)
def total(xs: list[int], weights: dict[str, float] | None = None) -> int:
    return sum(xs)


# flowc import: @dsl.pipeline(pipeline_root="gs://bucket/root") has no flowc equivalent and was left out
@pipeline(name="sum-pipeline")
def sum_pipeline(xs: list[int] = [1, 2, 3], scale: dict[str, float] = {"a": 1.0}) -> int:
    """Add numbers up."""
    return total(xs=xs, weights=scale)
