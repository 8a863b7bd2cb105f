from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@task
def total(xs: list[int]) -> int: ...


@pipeline
def flow(xs: list[int], ys: list[int]) -> int:
    a = [step(x=v) for v in xs if v]  # E: FLC108 @9
    b = [step(x=v) for v in xs for w in ys]  # E: FLC108 @9
    c = {step(x=v) for v in xs}  # E: FLC108 @9
    d = [v for v in xs]  # E: FLC108 @10
    e = [step(x=p) for p, q in xs]  # E: FLC108 @9
    return total(xs=xs)
