from flowc import Dataset, pipeline, task


@task
def make() -> Dataset: ...


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int, name: str) -> None:
    d = make()
    if x is None:  # E: FLC110 @8
        step(x=1)
    if d:  # E: FLC110 @8
        step(x=2)
    if x > name:  # E: FLC205 @8
        step(x=3)
    if d == d:  # E: FLC205 @8
        step(x=4)
