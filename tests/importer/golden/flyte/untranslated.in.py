"""@dynamic and conditional(...).fail(...) are not translated."""
from flytekit import conditional, dynamic, task, workflow


@task
def one(x: int) -> int:
    return x


@dynamic  # E: FLC902
def fan(n: int) -> list[int]:
    return [one(x=i) for i in range(n)]


@workflow
def guarded(x: int = 1) -> int:
    return conditional("check").if_(x > 0).then(one(x=x)).else_().fail("x must be positive")  # E: FLC902
