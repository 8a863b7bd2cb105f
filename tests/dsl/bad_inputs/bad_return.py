from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def looped(xs: list[int]) -> int:
    for v in xs:
        return step(x=v)  # E: FLC113 @9
    return step(x=1)


@pipeline
def mismatch(x: int) -> str:
    return step(x=x)  # E: FLC114 @12


@pipeline
def missing(x: int) -> int:  # E: FLC114 @5
    step(x=x)


@pipeline
def too_many(x: int) -> int:
    return x, x  # E: FLC114 @5
