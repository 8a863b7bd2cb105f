"""DAG params -> pipeline parameters with defaults; a step's "{{ params.x }}" reads the parameter."""
from airflow.providers.standard.operators.python import PythonOperator
from airflow.sdk import DAG, Param, dag, task


def greet(name: str, times: int) -> str:
    return name * times


with DAG(
    "greeting",
    schedule=None,
    params={
        "name": Param("world", type="string", description="who to greet"),  # E: FLC903
        "times": 2,
        "weights": [0.5, 1.5],
    },
):
    PythonOperator(
        task_id="greet",
        python_callable=greet,
        op_kwargs={"name": "{{ params.name }}", "times": "{{ params['times'] }}"},
    )


@task
def scale(weights: list[float], factor: float) -> float:
    return sum(weights) * factor


@dag(schedule=None, params={"factor": Param(2.0, type="number"), "weights": [1.0, 2.0]})
def scaled(weights: list[float] = [3.0]) -> None:
    scale(weights, "{{ params.factor }}")
