# Modeled on Airflow's example DAG airflow-core/src/airflow/example_dags/example_branch_operator_decorator.py
# (https://github.com/apache/airflow, Apache License 2.0): a @task.branch choosing
# the step to follow. Written for flowc's import tests (the choice is deterministic).
import pendulum
from airflow.sdk import dag, task


@dag(schedule="@daily", start_date=pendulum.datetime(2021, 1, 1, tz="UTC"), catchup=False)
def branching(threshold: int = 5):
    @task
    def measure() -> int:
        return 7

    @task.branch
    def choose(value: int, limit: int) -> str:
        return "high" if value > limit else "low"

    @task
    def high(value: int) -> str:
        return f"high: {value}"

    @task
    def low(value: int) -> str:
        return f"low: {value}"

    m = measure()
    c = choose(m, threshold)
    h = high(m)
    lo = low(m)
    c >> [h, lo]


branching()
