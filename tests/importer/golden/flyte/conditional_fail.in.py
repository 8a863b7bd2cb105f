"""conditional(...).fail("msg") -> `raise ValueError("msg")` in that branch (the error flytekit raises)."""
from flytekit import conditional, task, workflow


@task
def one(x: int) -> int:
    return x


@workflow
def guarded(x: int = 1) -> int:
    return conditional("check").if_(x > 0).then(one(x=x)).else_().fail("x must be positive")


@workflow
def assigned(x: int = 1) -> int:
    y = (
        conditional("sign")
        .if_(x < 0)
        .fail("negative")
        .elif_(x == 0)
        .then(one(x=1))
        .else_()
        .then(one(x=x))
    )
    return one(x=y)
