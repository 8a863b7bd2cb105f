"""`-> NamedTuple('Outputs', [...])` -> a NamedTuple class; the body is left as it is."""
from typing import NamedTuple

from flowc import pipeline, task


class StatsOutputs(NamedTuple):
    sum: float
    product: float


@task(cache=True)
def stats(a: float, b: float) -> StatsOutputs:
    from collections import namedtuple

    outputs = namedtuple("Outputs", ["sum", "product"])
    return outputs(a + b, a * b)


@task(cache=True)
def show(value: float) -> str:
    return str(value)


@pipeline
def arithmetic(a: float = 2.0, b: float = 3.0) -> str:
    s = stats(a=a, b=b)
    return show(value=s.product)
