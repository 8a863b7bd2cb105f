"""`!=` between a bool task output and a literal: the then branch runs only when it holds."""

from flowc import pipeline, task


@task
def measure(v: bool) -> bool:
    return v


@task
def hit(v: bool) -> str:
    return f"hit {v}"


@task
def miss(v: bool) -> str:
    return f"miss {v}"


@pipeline
def cmp_ne_bool(v: bool = True) -> str:
    value = measure(v=v)
    if value != True:
        out = hit(v=value)
    else:
        out = miss(v=value)
    return out


RUNS = [{}, {"v": False}]
