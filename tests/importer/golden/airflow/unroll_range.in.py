"""A build-time `for i in range(3):` over task groups in the DAG body -> three copies (names suffixed)."""
from airflow.sdk import DAG, task, task_group


@task
def start() -> None:
    print("start")


@task
def work(value: int) -> int:
    return value * 2


@task
def end() -> None:
    print("end")


@task_group
def group(value: int) -> None:
    work(value)


with DAG("unroll_range", schedule=None):
    first = start()
    last = end()
    for i in range(1, 4):
        made = group(i)
        first >> made >> last
