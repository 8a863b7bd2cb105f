from flowc import pipeline, task


@task
async def fetch(x: int) -> int: ...  # E: FLC101 @11


@pipeline
def flow(x: int) -> int:
    match x:  # E: FLC101 @5
        case 1:
            pass
    async with x:  # E: FLC101 @5
        pass
    return fetch(x=x)
