from flowc import pipeline, task


@task
def num(x: int) -> int: ...


@task
def text(x: int) -> str: ...


@pipeline
def values(x: int) -> int:
    if x > 1:
        y = num(x=x)
    else:
        y = text(x=x)  # E: FLC124 @13
    return num(x=y)


@pipeline
def returns(x: int) -> int:
    if x > 1:
        return num(x=x)
    elif x > 0:
        return text(x=x)  # E: FLC114 @16
    else:
        return 1.5  # E: FLC114 @16


@pipeline
def mixed(x: int) -> float:
    if x > 1:
        z = num(x=x)
    else:
        z = 0.5
    if x > 2:
        return z
    else:
        return num(x=x)
