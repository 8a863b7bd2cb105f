"""conditional() -> if/elif/else; &, |, ~, is_true() -> and, or, not."""
from flytekit import conditional, task, workflow


@task
def double(x: float) -> float:
    return x * 2


@task
def half(x: float) -> float:
    return x / 2


@task
def positive(x: float) -> bool:
    return x > 0


@workflow
def branches(x: float = 3.0) -> float:
    p = positive(x=x)
    y = (
        conditional("pick")
        .if_((x > 1.0) & (x < 10.0))
        .then(double(x=x))
        .elif_(p.is_true() | (x == 0.0))
        .then(half(x=x))
        .else_()
        .then(double(x=x))
    )
    return conditional("again").if_(~(y > 5.0)).then(half(x=y)).else_().then(double(x=y))
