"""@dag/@task: tasks move to module level; retries, execution_timeout, task_id, schedule, default_args."""
from datetime import timedelta

from airflow.sdk import dag, task


@dag(
    dag_id="nightly-report",
    schedule="0 3 * * *",
    description="The nightly report.",
    default_args={"retries": 2, "owner": "data"},  # E: FLC903
)
def nightly(day: str = "today"):
    # runs first
    @task(execution_timeout=timedelta(minutes=30), task_id="fetch_rows")
    def fetch(day: str) -> list[int]:
        """Rows of the day."""
        return [1, 2, 3]

    @task(retries=5, pool="slow")  # E: FLC903
    def report(rows: list[int]) -> None:
        print(len(rows))

    report(fetch(day))


nightly()  # E: FLC905
