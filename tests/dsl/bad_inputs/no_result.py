from flowc import pipeline, task


@task
def note(text: str) -> None: ...


@task
def step(x: str) -> int: ...


@pipeline
def flow(t: str) -> int:
    done = note(text=t)
    return step(x=done)  # E: FLC116 @19
