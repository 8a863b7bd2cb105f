"""`-> NamedTuple('Outputs', [...])` -> a NamedTuple class; the body is left as it is."""
from typing import NamedTuple

from kfp import dsl


@dsl.component
def stats(a: float, b: float) -> NamedTuple("Outputs", [("sum", float), ("product", float)]):
    from collections import namedtuple

    outputs = namedtuple("Outputs", ["sum", "product"])
    return outputs(a + b, a * b)


@dsl.component
def show(value: float) -> str:
    return str(value)


@dsl.pipeline
def arithmetic(a: float = 2.0, b: float = 3.0) -> str:
    s = stats(a=a, b=b)
    return show(value=s.outputs["product"]).output
