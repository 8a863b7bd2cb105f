"""`try/finally` in a sub-pipeline, where engines allow it (Airflow, KFP, `flowc run`; Flyte reports
it: tests/dsl/bad_inputs/try_placement.py)."""

from flowc import RunStatus, pipeline, run_status, task


@task
def sub_work(x: int) -> int:
    if x > 5:
        raise ValueError("too big")
    return x * 2


@task
def sub_clean(status: RunStatus, tag: str) -> str:
    return f"{tag}:{status.state}"


@pipeline
def cleanup_sub_inner(x: int = 1) -> int:
    try:
        y = sub_work(x=x)
    finally:
        sub_clean(status=run_status(), tag="inner")
    return y


@pipeline
def cleanup_sub_outer(x: int = 1) -> int:
    a = cleanup_sub_inner(x=x)
    return sub_work(x=a)

