"""Task and pipeline `name=` options with dots."""

from flowc import pipeline, task


@task(name="stage.one")
def stage_one(s: str) -> str:
    return s + "1"


@task(name="stage.two")
def stage_two(s: str) -> str:
    return s + "2"


@pipeline(name="name.dots.pipeline")
def name_dots(s: str = "s") -> str:
    return stage_two(s=stage_one(s=s))
