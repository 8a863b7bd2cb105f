"""Keyed XComs: callables defined in `with DAG` (module-level functions), `ti = kwargs["ti"]`,
a last `ti.xcom_push("k", v)` -> `return v`, `xcom_pull(task_ids=..., key="k")` -> a parameter."""
import json

from flowc import after, pipeline, task


@task
def extract() -> str:
    return '{"a": 1.5, "b": 2.5}'


@task
def transform(data: str) -> str:
    return json.dumps(sum(json.loads(data).values()))


@task
def load(total: str) -> None:
    print(total)


def wrong_key(**kwargs):
    ti = kwargs["ti"]
    other = ti.xcom_pull(task_ids="extract", key="other")
    print(other)

@pipeline
def xcom_push_key() -> None:

    extract_task = extract()
    with after(extract_task):
        transform_task = transform(data=extract_task)
    with after(transform_task):
        load_task = load(total=transform_task)
    # flowc import: not translated: statement `wrong_task = PythonOperator(task_id="wrong", python_callable=wrong_key)`
    #     wrong_task = PythonOperator(task_id="wrong", python_callable=wrong_key)  # E: FLC902
    pass
