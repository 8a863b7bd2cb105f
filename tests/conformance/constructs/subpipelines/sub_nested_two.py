"""A sub-pipeline calling a sub-pipeline."""

from flowc import pipeline, task


@task
def add(a: int, b: int) -> int:
    return a + b


@pipeline
def sub_nested_two_leaf(x: int) -> int:
    return add(a=x, b=1)


@pipeline
def sub_nested_two_mid(x: int) -> int:
    return sub_nested_two_leaf(x=sub_nested_two_leaf(x=x))


@pipeline
def sub_nested_two(x: int = 0) -> int:
    return sub_nested_two_mid(x=x)
