"""@dynamic whose body is not a pipeline body is not translated."""
from flowc import task


@task
def one(x: int) -> int:
    return x


# flowc import: not translated: @dynamic fan: its body runs on the engine
def fan(n: int) -> list[int]:
    return [one(x=i) for i in range(n)]
