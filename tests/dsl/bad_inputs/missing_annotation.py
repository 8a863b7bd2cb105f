from flowc import pipeline, task


@task
def a(x) -> int: ...  # E: FLC203 @7


@task
def b(x: int):  # E: FLC203 @5
    return x


@pipeline
def flow(y: int, z) -> int:  # E: FLC203 @18
    return a(x=y)
