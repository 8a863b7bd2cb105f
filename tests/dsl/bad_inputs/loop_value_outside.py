from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(xs: list[int]) -> int:
    for v in xs:
        y = step(x=v)
    return step(x=y)  # E: FLC123 @19


@pipeline
def loop_variable(xs: list[int]) -> int:
    for v in xs:
        step(x=v)
    return step(x=v)  # E: FLC123 @19
