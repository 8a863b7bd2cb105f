"""Names each engine has its own rules for, and names flowc uses for its own steps."""

import os
from typing import NamedTuple

from flowc import pipeline, task


class Parts(NamedTuple):
    a: int
    b: int


class Pair(NamedTuple):  # other fields than Parts: one shared outputs class cannot serve both tasks
    c: int
    d: int


@task(name="my task")
def my_task(x: int) -> int:
    return x + 1


@task(name="flowc-results")
def results(x: int) -> int:
    return x * 2


@task(name="cond_1-then")
def then(x: int) -> int:
    return x + 3


@task
def split_data(x: int) -> Parts:
    return Parts(x, x + 1)


@task
def splitData(x: int) -> Pair:
    return Pair(x + 10, x + 11)


@task(env={"MONOREPO_GREETING": "hello"})
def greet(x: int) -> str:
    return os.environ.get("MONOREPO_GREETING", "unset") + str(x)


@task
def after_greet(s: str) -> str:
    return s + "/" + os.environ.get("MONOREPO_GREETING", "unset")


@pipeline(name="inner-pipeline")
def inner(x: int) -> int:
    return my_task(x=x)


@pipeline(name="données.flow")
def outer(x: int = 1) -> tuple[int, int, int, str]:
    y = inner(x=x)
    p = split_data(x=y)
    q = splitData(x=p.a)
    if q.d > 0:
        z = then(x=results(x=q.c))
    else:
        z = results(x=p.b)
    return z, p.b, q.d, after_greet(s=greet(x=x))
