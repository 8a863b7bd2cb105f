"""@dynamic whose body is not a pipeline body is not translated."""
from flytekit import dynamic, task


@task
def one(x: int) -> int:
    return x


@dynamic  # E: FLC902
def fan(n: int) -> list[int]:
    return [one(x=i) for i in range(n)]
