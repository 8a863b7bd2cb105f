"""A run-context string parameter with a `None` default (`ts=None`): flowc has no run context, it passes the default."""
from airflow.sdk import DAG, task


@task
def print_value(value: str, ts=None):  # E: FLC902
    print(value, ts)


with DAG("context_default", schedule=None):
    print_value("first!")
