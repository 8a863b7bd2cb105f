from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@task
def show(text: str) -> None: ...


@pipeline
def flow(x: int, names: list[str]) -> int:
    a = step(x=x + 1)  # E: FLC102 @16
    show(text=f"{x}")  # E: FLC102 @15
    b = step(x=names[0])  # E: FLC102 @16
    c = step(x=1 if x else 2)  # E: FLC102 @16
    d = step(x=(y := 3))  # E: FLC102 @17
    e = step(x=lambda: 1)  # E: FLC102 @16
    f = step(*names)  # E: FLC102 @14
    return step(x=x)
