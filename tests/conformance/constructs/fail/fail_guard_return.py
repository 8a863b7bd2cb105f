"""A guard `if ...: raise` with no `else`, then an `if` that returns in one arm and raises
in the other: a step after a raise that happens never runs, though it reads nothing of it."""

from flowc import pipeline, task


@task
def scale(x: int) -> int:
    return x * 10


@task
def label(x: int) -> str:
    return f"x={x}"


@pipeline
def fail_guard_return(x: int = 3) -> str:
    if x < 0:
        raise ValueError("x must not be negative")
    y = scale(x=x)
    if y < 100:
        return label(x=y)
    else:
        raise RuntimeError("x is too large")


RUNS = [{}, {"x": -1}, {"x": 50}]
