"""Call options -> task options: retries, cpu/memory, GPUs, env."""
from flowc import Resources, pipeline, task


@task(resources=Resources(cpu="2", memory="4Gi", gpu=1), retries=3, cache=True)
def train(lr: float) -> float:
    return lr


@task(resources=Resources(cpu="500m"), cache=True, env={"MODE": "strict"})
def evaluate(score: float) -> float:
    return score


@pipeline
def tuned(lr: float = 0.1) -> float:
    # flowc import: `backoff_duration="60s"` of .set_retry has no flowc equivalent and was left out
    t = train(lr=lr)  # E: FLC903
    # flowc import: `.set_accelerator_type("nvidia.com/gpu")` has no flowc equivalent and was left out
    e = evaluate(score=t)
    return e
