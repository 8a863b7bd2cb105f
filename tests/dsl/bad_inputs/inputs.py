from flowc import pipeline, task


@task
def add(a: int, b: int, c: int = 0) -> int: ...


@pipeline
def flow(x: int) -> int:
    one = add(a=x)  # E: FLC104 @11
    two = add(a=x, b=x, d=1)  # E: FLC105 @25
    three = add(x, x, x, x)  # E: FLC111 @26
    four = add(x, b=x, a=x)  # E: FLC112 @24
    return add(x, x)
