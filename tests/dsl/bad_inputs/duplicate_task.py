from flowc import pipeline, task


@task
def first(x: int) -> int: ...


@task(name="first")
def second(x: int) -> int: ...  # E: FLC403 @5


@pipeline
def flow(x: int) -> int:
    return first(x=x)
