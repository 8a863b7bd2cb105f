from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int) -> int:
    y = step(x=nope)  # E: FLC106 @16
    return step(x=y)
