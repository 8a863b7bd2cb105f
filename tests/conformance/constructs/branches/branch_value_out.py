"""A value assigned in both branches of an `if/else`, used after it."""

from flowc import pipeline, task


@task
def pick(n: int) -> int:
    return n


@task
def up(n: int) -> int:
    return n + 100


@task
def down(n: int) -> int:
    return n - 100


@task
def show(n: int) -> str:
    return f"value {n}"


@pipeline
def branch_value_out(n: int = 5) -> str:
    v = pick(n=n)
    if v > 3:
        w = up(n=v)
    else:
        w = down(n=v)
    return show(n=w)


RUNS = [{}, {"n": 1}]
