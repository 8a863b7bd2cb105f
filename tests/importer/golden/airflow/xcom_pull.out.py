"""PythonOperator callables pulling XComs (`context["ti"].xcom_pull(task_ids=...)`, `ti.xcom_pull`) -> parameters."""
from flowc import after, pipeline, task


@task
def produce() -> int:
    return 7


@task
def twice(n: int) -> int:
    # the upstream value
    return n * 2


@task
def report(doubled: int) -> None:
    print(doubled)


@pipeline
def xcom_pull() -> None:
    make = produce()
    with after(make):
        double = twice(n=make)
    with after(double):
        show = report(doubled=double)
