import os

from flowc import Resources, pipeline, task

IMAGE = os.environ.get("IMAGE", "python")
N = 2


@task(image=IMAGE)  # E: FLC301 @13
def a(x: int) -> int: ...


@task(imag="python:3.12")  # E: FLC302 @7
def b(x: int) -> int: ...


@task(retries=-1)  # E: FLC305 @15
def c(x: int) -> int: ...


@task(resources=Resources(cpu="1", gpu="2"))  # E: FLC305 @40
def d(x: int) -> int: ...


@task(timeout="10 minutes")  # E: FLC306 @15
def e(x: int) -> int: ...


@task(cache="yes", retries=N)  # E: FLC305 @13
def f(x: int) -> int: ...


@task(**{"image": "x"})  # E: FLC301 @9
def g(x: int) -> int: ...


@pipeline(schedule="@daily", owner="me")  # E: FLC302 @30
def flow(x: int) -> int:
    return a(x=x)
