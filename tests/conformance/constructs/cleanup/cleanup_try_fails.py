"""`try/finally` whose `try` block fails: the cleanup step runs once, sees the failure, and the run fails.

`record`, when given, is a file the cleanup step writes the status it received to
(`tests/conformance/test_cleanup_status.py` reads what each engine says).
"""

from flowc import RunStatus, pipeline, run_status, task


@task
def cleanup_step_ok(x: int) -> int:
    return x + 1


@task(fuse=False)  # fused with `cleanup_step_ok`, its failure would undo the count of that step's run
def cleanup_step_fails(x: int) -> int:
    if x > 1:
        raise ValueError(f"cleanup_step_fails refuses {x}")
    return x


@task
def cleanup_sees_failure(status: RunStatus, record: str) -> str:
    import json

    if record:
        with open(record, "w", encoding="utf-8") as f:
            json.dump({"state": status.state, "failed_step": status.failed_step, "error": status.error}, f)
    # A wrong status fails this step, and a step that fails does not count as run.
    if status.state != "failed":
        raise RuntimeError(f"expected a failed try block, got {status!r}")
    return status.state


@pipeline
def cleanup_try_fails(x: int = 1, record: str = "") -> int:
    try:
        a = cleanup_step_ok(x=x)
        b = cleanup_step_fails(x=a)
    finally:
        cleanup_sees_failure(status=run_status(), record=record)
    return b
