"""conditional() -> if/elif/else; &, |, ~, is_true() -> and, or, not."""
from flowc import pipeline, task


@task
def double(x: float) -> float:
    return x * 2


@task
def half(x: float) -> float:
    return x / 2


@task
def positive(x: float) -> bool:
    return x > 0


@pipeline
def branches(x: float = 3.0) -> float:
    p = positive(x=x)
    if x > 1.0 and x < 10.0:
        y = double(x=x)
    elif p or x == 0.0:
        y = half(x=x)
    else:
        y = double(x=x)
    if not y > 5.0:
        return half(x=y)
    else:
        return double(x=y)
