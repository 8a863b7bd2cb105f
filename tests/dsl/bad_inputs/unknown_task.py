import os

from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(x: int) -> int:
    y = print(x)  # E: FLC103 @9
    z = os.path.join("a")  # E: FLC103 @9
    return step(x=x)
