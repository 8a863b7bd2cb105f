"""`>>`, `<<`, chain() and EmptyOperators -> `with after(...)`."""
from airflow.providers.standard.operators.empty import EmptyOperator
from airflow.sdk import DAG, chain, task

with DAG("ordering", schedule=None) as dag:

    @task
    def step(name: str) -> str:
        return name

    start = EmptyOperator(task_id="start")  # E: FLC903
    a = step("a")
    b = step("b")
    c = step("c")
    d = step("d")
    start >> a >> [b, c]
    d << c
    chain(step("e"), step("f"))
