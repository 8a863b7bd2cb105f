# Modeled on Airflow's example DAG airflow-core/src/airflow/example_dags/example_dynamic_task_mapping.py
# (https://github.com/apache/airflow, Apache License 2.0): `.expand()` over a literal
# list and over a task's output, `.partial(...).expand(...)`, then a sum. Written for
# flowc's import tests.
from datetime import datetime

from airflow.sdk import DAG, task

with DAG(dag_id="dynamic_task_mapping", schedule=None, start_date=datetime(2022, 3, 4)) as dag:

    @task
    def get_nums() -> list[int]:
        return [1, 2, 3]

    @task
    def times_2(num: int) -> int:
        return num * 2

    @task
    def add(num: int, offset: int) -> int:
        return num + offset

    @task
    def sum_it(values: list[int]) -> int:
        total = sum(values)
        print(f"Total was {total}")
        return total

    doubled = times_2.expand(num=get_nums())
    added = add.partial(offset=10).expand(num=doubled)
    sum_it(added)
