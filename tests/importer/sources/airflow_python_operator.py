# Modeled on Airflow's example DAG airflow-core/src/airflow/example_dags/example_python_operator.py
# (https://github.com/apache/airflow, Apache License 2.0): PythonOperators calling
# module-level functions with op_kwargs, ordered with >>. Written for flowc's import tests.
import pendulum
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG


def greet(name: str) -> str:
    """Say hello."""
    return f"hello {name}"


def square(x: int) -> int:
    return x * x


with DAG(
    dag_id="python_operator",
    schedule=None,
    start_date=pendulum.datetime(2021, 1, 1, tz="UTC"),
    catchup=False,
) as dag:
    start = EmptyOperator(task_id="start")
    hello = PythonOperator(task_id="greet", python_callable=greet, op_kwargs={"name": "flowc"})
    squared = PythonOperator(task_id="square", python_callable=square, op_kwargs={"x": 7}, retries=1)
    start >> hello >> squared
