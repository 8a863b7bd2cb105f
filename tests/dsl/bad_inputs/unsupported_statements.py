from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int) -> int:
    y = step(x=x)
    y += 1  # E: FLC101 @5
    while True:  # E: FLC101 @5
        pass
    import os  # E: FLC101 @5
    x  # E: FLC101 @5
    return y
