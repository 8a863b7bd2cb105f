from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int) -> int:
    if x > 1:
        y = step(x=x)
    elif x < 0:
        y = step(x=2)
    z = step(x=y)  # E: FLC107 @16
    if x > 5:
        w = step(x=x)
    else:
        v = step(x=x)
    return step(x=w)  # E: FLC107 @19
