from flowc import pipeline, task


@task
def total(xs: list[int]) -> int: ...


@task
def lookup(table: dict[str, int]) -> int: ...


@pipeline
def flow(x: int) -> int:
    a = total(xs=[x, 1])  # E: FLC115 @18
    b = lookup(table={"k": x})  # E: FLC115 @22
    return total(xs=[1, 2, -3])
