"""A bare `list` result has no item type: reported, left for a person."""
from kfp import dsl


@dsl.component
def names() -> list:  # E: FLC907
    return ["a"]


@dsl.pipeline
def listing() -> None:
    names()
