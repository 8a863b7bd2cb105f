"""`>=` between a parameter and a literal (no task output in the condition)."""

from flowc import pipeline, task


@task
def big(n: int) -> int:
    return n


@task
def small(n: int) -> int:
    return -n


@pipeline
def cmp_ge_param_literal(n: int = 10) -> int:
    if n >= 10:
        r = big(n=n)
    else:
        r = small(n=n)
    return r


RUNS = [{}, {"n": 9}]
