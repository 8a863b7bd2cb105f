from flowc import pipeline, task


@task(name="load_data")
def load_a(x: int) -> int: ...  # E: FLC404 @5


@task(name="load__data")
def load_b(x: int) -> int: ...  # E: FLC404 @5


@task(name="___")
def nameless(x: int) -> int: ...  # E: FLC401 @5


@pipeline(name="daily")
def first(x: int = 1) -> int:
    return load_a(x=x)


@pipeline(name="daily")
def second(x: int = 1) -> int:  # E: FLC402 @5
    return load_b(x=nameless(x=x))
