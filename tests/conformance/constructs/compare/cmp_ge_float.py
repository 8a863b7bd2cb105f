"""`>=` between a float task output and a literal: the then branch runs only when it holds."""

from flowc import pipeline, task


@task
def measure(v: float) -> float:
    return v


@task
def hit(v: float) -> str:
    return f"hit {v}"


@task
def miss(v: float) -> str:
    return f"miss {v}"


@pipeline
def cmp_ge_float(v: float = 0.5) -> str:
    value = measure(v=v)
    if value >= 0.5:
        out = hit(v=value)
    else:
        out = miss(v=value)
    return out


RUNS = [{}, {"v": 0.25}, {"v": 9.0}]
