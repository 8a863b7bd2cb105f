from flowc import RunStatus, pipeline, run_status, task


@task
def load(x: int) -> int: ...


@task
def notify(status: RunStatus, note: str) -> None: ...


@pipeline
def with_except(x: int = 1) -> int:
    try:
        y = load(x=x)
    except ValueError:  # E: FLC130 @5
        y = load(x=0)
    return load(x=y)


@pipeline
def with_except_star(x: int = 1) -> None:
    try:
        load(x=x)
    except* ValueError:  # E: FLC130 @5
        pass


@pipeline
def status_outside(x: int = 1) -> None:
    notify(status=run_status(), note="no try here")  # E: FLC131 @19


@pipeline
def busy_finally(xs: list[int] = [1, 2]) -> int:
    try:
        y = load(x=1)
    finally:
        for x in xs:  # E: FLC133 @9
            load(x=x)
        if xs:  # E: FLC133 @9
            load(x=2)
        return y  # E: FLC133 @9
