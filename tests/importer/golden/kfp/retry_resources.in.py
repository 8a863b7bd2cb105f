"""Call options -> task options: retries, cpu/memory, GPUs, env."""
from kfp import dsl


@dsl.component
def train(lr: float) -> float:
    return lr


@dsl.component
def evaluate(score: float) -> float:
    return score


@dsl.pipeline
def tuned(lr: float = 0.1) -> float:
    t = train(lr=lr).set_retry(num_retries=3, backoff_duration="60s")  # E: FLC903
    t.set_cpu_limit("2").set_memory_limit("4Gi")
    t.set_accelerator_type("nvidia.com/gpu")  # E: FLC903
    t.set_accelerator_limit(1)
    e = evaluate(score=t.output)
    e.set_env_variable("MODE", "strict")
    e.set_cpu_request("500m")
    return e.output
