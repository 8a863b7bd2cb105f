"""PythonOperator(python_callable=f, op_kwargs=..., op_args=...) -> a call of f, which becomes a task."""
from flowc import after, pipeline, task


@task(retries=3)
def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


@pipeline(schedule="@daily")
def operators() -> None:
    first = add(1, b=2)
    with after(first):
        second = add(a=3, b=4)
