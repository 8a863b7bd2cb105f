"""conditional(...).fail("msg") -> `raise ValueError("msg")` in that branch (the error flytekit raises)."""
from flowc import pipeline, task


@task
def one(x: int) -> int:
    return x


@pipeline
def guarded(x: int = 1) -> int:
    if x > 0:
        return one(x=x)
    else:
        raise ValueError("x must be positive")


@pipeline
def assigned(x: int = 1) -> int:
    if x < 0:
        raise ValueError("negative")
    elif x == 0:
        y = one(x=1)
    else:
        y = one(x=x)
    return one(x=y)
