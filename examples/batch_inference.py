"""Batch inference: shards scored in parallel by a containerized scorer.

A planning step lists the shards; a container task (the scoring team's image)
scores each one in parallel and the counts are gathered back in order; an audit
step runs per shard without collecting anything; the report is written only after
the audit trail is complete, though it takes no data from it.
"""

from flowc import Metrics, Resources, after, container_task, pipeline, task

SHARD_PREFIX = "shard"


@task(image="python:3.12-slim", cache=True)
def plan_shards(count: int = 3, prefix: str = SHARD_PREFIX) -> list[str]:
    """Names of the shards to score."""
    return [f"{prefix}-{i:03d}" for i in range(count)]


@container_task(
    image="busybox:1.36",
    command=["sh", "-c", "printf %s \"$0\" | wc -c | tr -d ' ' > \"$1\"", "{shard}", "{output}"],
    resources=Resources(cpu="500m", memory="256Mi"),
    retries=1,
    timeout="10m",
)
def score_shard(shard: str) -> int: ...


@task(image="python:3.12-slim", secrets=["audit-token"], env={"AUDIT_LEVEL": "full"})
def audit(shard: str) -> None:
    """Record that a shard was scored."""
    print(f"audited {shard}")


@task(image="python:3.12-slim")
def total(counts: list[int]) -> int:
    return sum(counts)


@task(image="python:3.12-slim")
def report(total: int, shards: list[str]) -> Metrics:
    """Write the run's metrics."""
    metrics = Metrics.create()
    metrics.log_metric("scored", float(total))
    with open(metrics.path, "w") as fh:
        fh.write(f"{len(shards)} shards, {total} bytes\n")
    return metrics


@pipeline
def batch_inference(count: int = 3) -> int:
    """Score every shard and report the total."""
    shards = plan_shards(count=count)
    counts = [score_shard(shard=s) for s in shards]
    for s in shards:
        audit(shard=s)
    n = total(counts=counts)
    with after(counts):
        report(total=n, shards=shards)
    return n
