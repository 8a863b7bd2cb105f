"""Keyed XComs: callables defined in `with DAG` (module-level functions), `ti = kwargs["ti"]`,
a last `ti.xcom_push("k", v)` -> `return v`, `xcom_pull(task_ids=..., key="k")` -> a parameter."""
import json

from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG

with DAG("xcom_push_key", schedule=None) as dag:

    def extract(**kwargs):
        ti = kwargs["ti"]
        ti.xcom_push("order_data", '{"a": 1.5, "b": 2.5}')

    def transform(**kwargs):
        ti = kwargs["ti"]
        data = ti.xcom_pull(task_ids="extract", key="order_data")
        ti.xcom_push(key="total", value=json.dumps(sum(json.loads(data).values())))

    def load(**kwargs):
        ti = kwargs["ti"]
        total = ti.xcom_pull(task_ids="transform", key="total")
        print(total)

    def wrong_key(**kwargs):
        ti = kwargs["ti"]
        other = ti.xcom_pull(task_ids="extract", key="other")
        print(other)

    extract_task = PythonOperator(task_id="extract", python_callable=extract)
    transform_task = PythonOperator(task_id="transform", python_callable=transform)
    load_task = PythonOperator(task_id="load", python_callable=load)
    wrong_task = PythonOperator(task_id="wrong", python_callable=wrong_key)  # E: FLC902
    extract_task >> transform_task >> load_task
