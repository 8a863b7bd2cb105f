"""flytekit @task options: container_image, requests/limits, retries, timeout, cache, environment."""

from flowc import Resources, pipeline, task


# flowc import: `cache_version="2.0"` of @task has no flowc equivalent and was left out
# flowc import: `ephemeral_storage="10Gi"` of Resources has no flowc equivalent and was left out
@task(
    image="ghcr.io/acme/ml:1.0",
    resources=Resources(cpu="2", memory="4Gi", gpu=1),
    retries=3,
    timeout="2h",
    cache=True,
    env={"MODE": "train"},
)
def train(lr: float) -> float:
    """Train a model."""
    # the real work
    return lr * 2


@task(timeout="90s")
def quick(x: int) -> int:
    return x


@pipeline
def training(lr: float = 0.1) -> float:
    quick(x=1)
    return train(lr=lr)
