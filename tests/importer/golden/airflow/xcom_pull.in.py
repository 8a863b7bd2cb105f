"""PythonOperator callables pulling XComs (`context["ti"].xcom_pull(task_ids=...)`, `ti.xcom_pull`) -> parameters."""
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG


def produce(**context):
    return 7


def twice(**context):
    # the upstream value
    n = context["ti"].xcom_pull(task_ids="make")
    return n * 2


def report(ti):
    doubled = ti.xcom_pull(task_ids="double")
    print(doubled)


with DAG("xcom_pull", schedule=None) as dag:
    make = PythonOperator(task_id="make", python_callable=produce)
    double = PythonOperator(task_id="double", python_callable=twice)
    show = PythonOperator(task_id="show", python_callable=report)
    make >> double >> show
