"""@dynamic and conditional(...).fail(...) are not translated."""
from flowc import pipeline, task


@task
def one(x: int) -> int:
    return x


# flowc import: not translated: @dynamic fan: its body runs on the engine
def fan(n: int) -> list[int]:
    return [one(x=i) for i in range(n)]


@pipeline
def guarded(x: int = 1) -> int:
    # flowc import: not translated: conditional `return conditional("check").if_(x > 0).then(one(x=x)).else_().fail("x must be positive")`
    #     return conditional("check").if_(x > 0).then(one(x=x)).else_().fail("x must be positive")  # E: FLC902
    pass
