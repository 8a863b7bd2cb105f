"""`==` between a int task output and a literal: the then branch runs only when it holds."""

from flowc import pipeline, task


@task
def measure(v: int) -> int:
    return v


@task
def hit(v: int) -> str:
    return f"hit {v}"


@task
def miss(v: int) -> str:
    return f"miss {v}"


@pipeline
def cmp_eq_int(v: int = -2) -> str:
    value = measure(v=v)
    if value == -2:
        out = hit(v=value)
    else:
        out = miss(v=value)
    return out


RUNS = [{}, {"v": 2}]
