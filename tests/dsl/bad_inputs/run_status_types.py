from flowc import RunStatus, pipeline, task


@task
def status_of(x: int) -> RunStatus: ...  # E: FLC132 @5


@task
def statuses(all: list[RunStatus]) -> None: ...  # E: FLC132 @14


@task
def notify(status: RunStatus, note: str) -> None: ...


@pipeline
def status_param(status: RunStatus) -> None:  # E: FLC132 @18
    notify(status=status, note="from a parameter")
