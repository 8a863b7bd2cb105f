"""PythonOperator(python_callable=f, op_kwargs=..., op_args=...) -> a call of f, which becomes a task."""
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG


def add(a: int, b: int) -> int:
    """Add two numbers."""
    return a + b


with DAG(dag_id="operators", schedule="@daily") as dag:
    first = PythonOperator(task_id="add", python_callable=add, op_args=[1], op_kwargs={"b": 2}, retries=3)
    second = PythonOperator(task_id="add_again", python_callable=add, op_kwargs={"a": 3, "b": 4})
    first >> second
