from flowc import Resources, pipeline, task


@task(resources=Resources(cpu="lots", memory="2GB"))  # E: FLC303 @31 E: FLC303 @46
def heavy(x: int) -> int: ...


@task(resources=Resources(memory="650M", cpu=2))
def fine(x: int) -> int: ...


@pipeline(schedule="every day at 3")  # E: FLC304 @20
def nightly(x: int = 1) -> int:
    return heavy(x=fine(x=x))


@pipeline(schedule="0 3 * * 8")  # E: FLC304 @20
def weekly(x: int = 1) -> int:
    return fine(x=x)
