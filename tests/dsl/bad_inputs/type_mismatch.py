from flowc import Dataset, Model, pipeline, task


@task
def make() -> Model: ...


@task
def use(data: Dataset, n: int, ratio: float, tags: list[str]) -> int: ...


@pipeline
def flow(k: float) -> int:
    m = make()
    a = use(data=m, n=1, ratio=1, tags=[])  # E: FLC201 @18
    b = use(data=m, n="1", ratio=1, tags=["a"])  # E: FLC201 @18 E: FLC201 @23
    return use(m, k, 0.5, [1])  # E: FLC201 @16 E: FLC201 @19 E: FLC201 @27
