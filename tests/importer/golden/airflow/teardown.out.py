"""Teardown and trigger_rule="all_done" cleanup tasks -> try/finally when they are the last step."""
from flowc import after, pipeline, task


@task
def create_cluster(name: str) -> str:
    return f"cluster-{name}"


@task
def train(cluster: str) -> float:
    return 0.5


@task
def delete_cluster(name: str) -> None:
    print(f"deleting {name}")


@task
def report(name: str) -> None:
    print(f"{name} done")


@pipeline
def with_teardown(name: str = "c1") -> None:
    try:
        c = create_cluster(name)
        t = train(c)
    finally:
        # remove the cluster in any case
        d = delete_cluster(name)


@pipeline
def with_as_teardown(name: str = "c2") -> None:
    try:
        c = create_cluster(name)
        with after(c):
            t = train(c)
    finally:
        report_1 = report(name)


@task
def always(name: str) -> None:
    print(name)


@pipeline
def all_done() -> None:

    try:
        t = train(create_cluster("c3"))
    finally:
        # flowc import: not translated: trigger_rule all_done: Airflow counted the run by this step's state; after a `finally` the run fails when a step before it failed
        a = always("c3")
