"""`<` between a str task output and a literal: the then branch runs only when it holds."""

from flowc import pipeline, task


@task
def measure(v: str) -> str:
    return v


@task
def hit(v: str) -> str:
    return f"hit {v}"


@task
def miss(v: str) -> str:
    return f"miss {v}"


@pipeline
def cmp_lt_str(v: str = "m") -> str:
    value = measure(v=v)
    if value < "m":
        out = hit(v=value)
    else:
        out = miss(v=value)
    return out


RUNS = [{}, {"v": "a"}, {"v": "z"}]
