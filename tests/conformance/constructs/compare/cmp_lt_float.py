"""`<` between a float task output and a literal: the then branch runs only when it holds."""

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
def cmp_lt_float(v: float = 2.5) -> str:
    value = measure(v=v)
    if value < 2.5:
        out = hit(v=value)
    else:
        out = miss(v=value)
    return out


RUNS = [{}, {"v": 2.4}, {"v": -1.0}]
