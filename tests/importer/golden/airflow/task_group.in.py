"""TaskGroups are flattened into the pipeline; `>>` on a group orders each of its steps."""
from airflow.sdk import DAG, TaskGroup, task


@task
def extract(source: str) -> str:
    return source


@task
def clean(raw: str) -> str:
    return raw.strip()


@task
def publish() -> None:
    print("published")


with DAG("grouped", schedule=None):
    start = extract("start")
    with TaskGroup("processing", tooltip="the middle part") as processing:  # E: FLC903
        a = clean(extract("a"))
        b = clean(extract("b"))
    done = publish()
    start >> processing >> done
