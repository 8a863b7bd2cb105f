"""`if/elif/else`, each assigning the value used after it."""

from flowc import pipeline, task


@task
def first(s: str) -> str:
    return "first " + s


@task
def second(s: str) -> str:
    return "second " + s


@task
def third(s: str) -> str:
    return "third " + s


@task
def wrap(s: str) -> str:
    return f"[{s}]"


@pipeline
def branch_elif_value(mode: str = "a") -> str:
    if mode == "a":
        r = first(s=mode)
    elif mode == "b":
        r = second(s=mode)
    else:
        r = third(s=mode)
    return wrap(s=r)


RUNS = [{}, {"mode": "b"}, {"mode": "c"}]
