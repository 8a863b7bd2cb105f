from flowc import Model, pipeline, task


@task
def make(n: int) -> Model: ...


@task
def use(model: Model, k: int) -> int: ...


@pipeline
def flow(n: int, names: list[str]) -> int:
    m = make(n="three")  # E: FLC201 @16
    a = use(model=m, k=names)  # E: FLC201 @24
    b = use(model=m, k=n * 2)  # E: FLC102 @24
    c = usse(model=m, k=n)  # E: FLC103 @9
    d = use(model=m, k=undefined)  # E: FLC106 @24
    try:
        pass
    except Exception:  # E: FLC130 @5
        pass
    return use(model=m, k=n)
