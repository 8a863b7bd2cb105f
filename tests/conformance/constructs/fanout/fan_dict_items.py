"""Fan-out over a list of dicts (each item a `dict[str, int]`)."""

from flowc import pipeline, task


@task
def area(shape: dict[str, int]) -> int:
    return shape["w"] * shape["h"]


@task
def total(xs: list[int]) -> int:
    return sum(xs)


@pipeline
def fan_dict_items(shapes: list[dict[str, int]] = [{"w": 2, "h": 3}, {"w": 1, "h": 1}]) -> int:
    return total(xs=[area(shape=s) for s in shapes])
