"""Fan-out over a list field of a NamedTuple output."""

from typing import NamedTuple

from flowc import pipeline, task


class Plan(NamedTuple):
    names: list[str]
    size: int


@task
def plan(n: int) -> Plan:
    return Plan(names=[f"p{i}" for i in range(n)], size=n)


@task
def run_one(name: str) -> str:
    return name + "!"


@task
def gather(xs: list[str], size: int) -> str:
    return f"{size}:" + "".join(xs)


@pipeline
def fan_namedtuple_field(n: int = 3) -> str:
    p = plan(n=n)
    done = [run_one(name=x) for x in p.names]
    return gather(xs=done, size=p.size)


RUNS = [{}, {"n": 1}]
XFAIL = {"kfp": "kfp-loop-item-channel"}
