"""Teardown and trigger_rule="all_done" cleanup tasks -> try/finally when they are the last step."""
from airflow.sdk import DAG, dag, task, teardown


@task
def create_cluster(name: str) -> str:
    return f"cluster-{name}"


@task
def train(cluster: str) -> float:
    return 0.5


@teardown
def delete_cluster(name: str) -> None:
    print(f"deleting {name}")


@task
def report(name: str) -> None:
    print(f"{name} done")


@dag(schedule=None)
def with_teardown(name: str = "c1") -> None:
    c = create_cluster(name)
    t = train(c)
    # remove the cluster in any case
    d = delete_cluster(name)
    t >> d


@dag(schedule=None)
def with_as_teardown(name: str = "c2") -> None:
    c = create_cluster(name)
    t = train(c)
    c >> t >> report(name).as_teardown(setups=c)


with DAG("all_done", schedule=None):

    @task(trigger_rule="all_done")
    def always(name: str) -> None:
        print(name)

    t = train(create_cluster("c3"))
    a = always("c3")  # E: FLC902
    t >> a
