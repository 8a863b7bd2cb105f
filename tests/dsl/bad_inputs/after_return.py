from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int) -> int:
    return step(x=x)
    step(x=2)  # E: FLC121 @5


@pipeline
def partial(x: int) -> int:
    if x > 1:  # E: FLC122 @5
        return step(x=x)
    return step(x=0)
