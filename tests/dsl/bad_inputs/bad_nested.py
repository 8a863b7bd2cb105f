from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@task
def words() -> list[str]: ...


@pipeline
def flow(x: int) -> int:
    a = step(x=step(x=words()))  # E: FLC201 @23
    b = [step(x=w) for w in words()]  # E: FLC201 @17
    c = step(x=step)  # E: FLC102 @16
    d = step(x=None)  # E: FLC201 @16
    e = step(x=...)  # E: FLC102 @16
    return step(x=-x)  # E: FLC102 @19
