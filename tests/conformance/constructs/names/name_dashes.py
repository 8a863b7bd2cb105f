"""Task and pipeline `name=` options with dashes."""

from flowc import pipeline, task


@task(name="load-data")
def load_data(n: int) -> list[int]:
    return list(range(n))


@task(name="sum-all")
def sum_all(xs: list[int]) -> int:
    return sum(xs)


@pipeline(name="name-dashes-pipeline")
def name_dashes(n: int = 4) -> int:
    return sum_all(xs=load_data(n=n))
