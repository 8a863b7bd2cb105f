from flowc import RunStatus, pipeline, run_status, task


@task
def load(x: int) -> int: ...


@task
def report(value: int, status: RunStatus) -> None: ...


@pipeline
def reads_try_output(x: int = 1) -> int:
    try:
        y = load(x=x)
    finally:
        report(value=y, status=run_status())  # E[kfp]: FLC510 @22 E[flyte]: FLC710 @22
    return y


@pipeline
def reads_earlier_output(x: int = 1) -> None:
    before = load(x=0)
    try:
        load(x=x)
    finally:
        report(value=before, status=run_status())  # E[kfp]: FLC510 @22 E[flyte]: FLC710 @22
