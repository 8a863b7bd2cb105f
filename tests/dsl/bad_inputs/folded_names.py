from flowc import pipeline, task


@task(name="données")
def accented(x: int) -> int: ...  # E: FLC404 @5


@task(name="donnees")
def plain(x: int) -> int: ...  # E: FLC404 @5


@task(name="数据")
def cjk(x: int) -> int: ...


@task(name="my.task")
def dotted(x: int) -> int: ...


@pipeline(name="inner-pipeline")
def inner(x: int) -> int:
    return dotted(x=cjk(x=x))


@pipeline(name="outer.flow")
def outer(x: int = 1) -> int:
    return plain(x=accented(x=inner(x=x)))
