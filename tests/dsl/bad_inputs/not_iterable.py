from flowc import pipeline, task


@task
def step(x: int) -> int: ...


@pipeline
def flow(n: int) -> None:
    a = [step(x=v) for v in n]  # E: FLC109 @29
    for v in step(x=n):  # E: FLC109 @14
        step(x=v)
