"""`<` between a parameter and a task output (two runtime values, no literal)."""

from flowc import pipeline, task


@task
def limit(n: int) -> int:
    return n + 10


@task
def over(n: int) -> str:
    return f"over {n}"


@pipeline
def cmp_param_vs_output(n: int = 3, base: int = 5) -> None:
    top = limit(n=base)
    if n > top:
        over(n=n)


RUNS = [{}, {"n": 16}, {"n": 15}]
