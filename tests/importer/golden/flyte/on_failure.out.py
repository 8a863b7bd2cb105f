"""@workflow(on_failure=handler) -> try/finally; the handler returns at once when nothing failed."""

from flowc import RunStatus, pipeline, run_status, task


@task
def create_cluster(name: str) -> str:
    return f"cluster-{name}"


@task
def train(cluster: str, epochs: int) -> float:
    return 0.5 * epochs


@task
def clean_up(name: str, epochs: int, err: RunStatus) -> None:
    """Delete the cluster."""
    # a failure handler: nothing to do when the workflow succeeded
    if not err.failed:
        return
    print(f"Deleting cluster {name} due to {err.error} in {err.failed_step}")


@task
def notify(name: str, epochs: int, status: RunStatus) -> None:
    # a failure handler: nothing to do when the workflow succeeded
    if not status.failed:
        return
    print(f"{name} failed")


@pipeline
def training(name: str = "c1", epochs: int = 3) -> float:
    """Train on a cluster made for the run."""
    try:
        c = create_cluster(name=name)
        score = train(cluster=c, epochs=epochs)
    finally:
        clean_up(name=name, epochs=epochs, err=run_status())
    return score


@pipeline
def training_again(name: str = "c2", epochs: int = 1) -> float:
    try:
        return train(cluster=create_cluster(name=name), epochs=epochs)
    finally:
        notify(name=name, epochs=epochs, status=run_status())
