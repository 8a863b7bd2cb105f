from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def itself(x: int) -> int:
    return itself(x=x)  # E: FLC118 @12


@pipeline
def ping(x: int) -> int:
    return pong(x=x)  # E: FLC118 @12


@pipeline
def pong(x: int) -> int:
    return ping(x=x)  # E: FLC118 @12
