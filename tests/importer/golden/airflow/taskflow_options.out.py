"""@dag/@task: tasks move to module level; retries, execution_timeout, task_id, schedule, default_args."""

from flowc import pipeline, task


# runs first
@task(retries=2, timeout="30m", name="fetch_rows")
def fetch(day: str) -> list[int]:
    """Rows of the day."""
    return [1, 2, 3]


# flowc import: `pool="slow"` of @task has no flowc equivalent and was left out
@task(retries=5)
def report(rows: list[int]) -> None:
    print(len(rows))


# flowc import: default_args "owner" has no flowc equivalent and was left out
@pipeline(schedule="0 3 * * *", name="nightly-report")
def nightly(day: str = "today") -> None:
    """The nightly report."""

    report(fetch(day))


# flowc import: airflow SDK code outside tasks and pipelines was commented out
#     nightly()  # E: FLC905
