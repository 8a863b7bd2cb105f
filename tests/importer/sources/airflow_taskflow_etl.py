# Modeled on Airflow's example DAG airflow-core/src/airflow/example_dags/tutorial_taskflow_api.py
# (https://github.com/apache/airflow, Apache License 2.0): extract, a multiple_outputs
# transform, load. Written for flowc's import tests, with type annotations added.
import json

import pendulum
from airflow.sdk import dag, task


@dag(schedule=None, start_date=pendulum.datetime(2021, 1, 1, tz="UTC"), catchup=False, tags=["example"])
def taskflow_etl():
    """A simple extract, transform, load pipeline."""

    @task()
    def extract() -> dict[str, float]:
        """Pretend to read orders."""
        data_string = '{"1001": 301.27, "1002": 433.21, "1003": 502.22}'
        return json.loads(data_string)

    @task(multiple_outputs=True)
    def transform(order_data_dict: dict[str, float]) -> dict[str, float]:
        total_order_value = 0.0
        for value in order_data_dict.values():
            total_order_value += value
        return {"total_order_value": round(total_order_value, 2), "orders": float(len(order_data_dict))}

    @task()
    def load(total_order_value: float) -> str:
        return f"Total order value is: {total_order_value:.2f}"

    order_data = extract()
    order_summary = transform(order_data)
    load(order_summary["total_order_value"])


taskflow_etl()
