"""`.expand()` and `.partial().expand()` -> list comprehensions (the fan-in is the list)."""
from flowc import pipeline, task


@task
def add(x: int, offset: int) -> int:
    return x + offset


@task
def total(values: list[int]) -> int:
    return sum(values)


@pipeline
def mapping(xs: list[int] = [1, 2, 3]) -> None:

    added = [add(offset=10, x=x) for x in xs]
    total(added)
    # flowc import: not translated: statement `add.expand(x=xs, offset=[1, 2])`
    #     add.expand(x=xs, offset=[1, 2])  # E: FLC902
    pass


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     mapping()  # E: FLC905
