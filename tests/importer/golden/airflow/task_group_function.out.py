"""A @task_group function -> a sub-pipeline, called where the group was."""
from flowc import pipeline, task


@task
def extract(source: str) -> str:
    return source


@task
def clean(raw: str) -> str:
    return raw.strip()


@task
def load(first: str, second: str) -> int:
    return len(first + second)


# flowc import: `group_id="prepare"` of @task_group has no flowc equivalent and was left out
@pipeline
def prepare(source: str) -> str:
    """Extract, then clean."""
    raw = extract(source)
    return clean(raw)


@pipeline
def both(first: str, second: str) -> int:
    return load(prepare(first), prepare(second))


@pipeline
def grouped_etl(a: str = " x ", b: str = "y") -> None:

    both(a, b)
