import os

from flowc import Dataset, pipeline, task

LIMIT = 10
PATH = os.getcwd()


@task
def a(x: int = LIMIT, y: str = PATH) -> int: ...  # E: FLC204 @32


@task
def b(x: int = "ten", d: Dataset = "gs://x") -> int: ...  # E: FLC204 @16 E: FLC204 @36


@task
def c(x: list[int] = [1, len("a")]) -> int: ...  # E: FLC204 @22
