from flowc import after, pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int, xs: list[int]) -> None:
    a = step(x=x)
    with after(x):  # E: FLC117 @16
        step(x=1)
    with after(*xs):  # E: FLC117 @16
        step(x=2)
    with after(a) as h:  # E: FLC101 @5
        step(x=3)
    after(a)  # E: FLC101 @5
