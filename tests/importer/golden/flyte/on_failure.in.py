"""@workflow(on_failure=handler) -> try/finally; the handler returns at once when nothing failed."""
import typing

from flytekit import task, workflow
from flytekit.types.error import FlyteError


@task
def create_cluster(name: str) -> str:
    return f"cluster-{name}"


@task
def train(cluster: str, epochs: int) -> float:
    return 0.5 * epochs


@task
def clean_up(name: str, epochs: int, err: typing.Optional[FlyteError] = None) -> None:
    """Delete the cluster."""
    print(f"Deleting cluster {name} due to {err.message} in {err.failed_node_id}")


@task
def notify(name: str, epochs: int) -> None:
    print(f"{name} failed")


@workflow(on_failure=clean_up)
def training(name: str = "c1", epochs: int = 3) -> float:
    """Train on a cluster made for the run."""
    c = create_cluster(name=name)
    score = train(cluster=c, epochs=epochs)
    return score


@workflow(on_failure=notify)
def training_again(name: str = "c2", epochs: int = 1) -> float:
    return train(cluster=create_cluster(name=name), epochs=epochs)
