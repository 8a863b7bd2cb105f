"""`try/finally` whose `try` block succeeds: the cleanup step runs once, sees success, and the run goes on."""

from flowc import RunStatus, pipeline, run_status, task


@task
def cleanup_add(x: int, y: int) -> int:
    return x + y


@task
def cleanup_sees_success(status: RunStatus, note: str) -> str:
    # A wrong status fails this step, and the run with it.
    if status.state != "succeeded" or status.failed_step is not None:
        raise RuntimeError(f"expected a succeeded try block, got {status!r}")
    return note


@pipeline
def cleanup_try_succeeds(x: int = 1) -> int:
    try:
        a = cleanup_add(x=x, y=1)
        b = cleanup_add(x=a, y=10)
    finally:
        cleanup_sees_success(status=run_status(), note="cleaned")
    return cleanup_add(x=b, y=100)
