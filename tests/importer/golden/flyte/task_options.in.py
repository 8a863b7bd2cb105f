"""flytekit @task options: container_image, requests/limits, retries, timeout, cache, environment."""
from datetime import timedelta

import flytekit as fl
from flytekit import Resources, task, workflow


@task(
    container_image="ghcr.io/acme/ml:1.0",
    requests=Resources(cpu="1", mem="1Gi"),
    limits=Resources(cpu="2", mem="4Gi", gpu="1", ephemeral_storage="10Gi"),  # E: FLC903
    retries=3,
    timeout=timedelta(hours=2),
    cache=True,
    cache_version="2.0",  # E: FLC903
    environment={"MODE": "train"},
)
def train(lr: float) -> float:
    """Train a model."""
    # the real work
    return lr * 2


@fl.task(timeout=90)
def quick(x: int) -> int:
    return x


@workflow
def training(lr: float = 0.1) -> float:
    quick(x=1)
    return train(lr=lr)
