"""A @task_group function -> a sub-pipeline, called where the group was."""
from airflow.sdk import dag, task, task_group


@task
def extract(source: str) -> str:
    return source


@task
def clean(raw: str) -> str:
    return raw.strip()


@task
def load(first: str, second: str) -> int:
    return len(first + second)


@task_group(group_id="prepare")  # E: FLC903
def prepare(source: str) -> str:
    """Extract, then clean."""
    raw = extract(source)
    return clean(raw)


@dag(schedule=None)
def grouped_etl(a: str = " x ", b: str = "y") -> None:
    @task_group
    def both(first: str, second: str) -> int:
        return load(prepare(first), prepare(second))

    both(a, b)
