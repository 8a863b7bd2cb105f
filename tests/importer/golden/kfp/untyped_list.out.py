"""A bare `list` result has no item type: reported, left for a person."""
from flowc import pipeline, task


# flowc import: `list` has no boundary type flowc can use: its items have no type
@task(cache=True)
def names() -> list:  # E: FLC907
    return ["a"]


@pipeline
def listing() -> None:
    names()
