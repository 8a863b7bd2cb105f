# Modeled on the kfp sample samples/v2/pipeline_with_named_tuples.py
# (https://github.com/kubeflow/pipelines, Apache License 2.0): a component returning a
# NamedTuple, read field by field with .outputs[...]. Written for flowc's import tests.
from typing import NamedTuple

from kfp import dsl


@dsl.component
def stats(a: float, b: float) -> NamedTuple("Outputs", [("sum", float), ("product", float)]):
    import collections

    outputs = collections.namedtuple("Outputs", ["sum", "product"])
    return outputs(a + b, a * b)


@dsl.component
def describe(total: float, product: float) -> str:
    return f"sum={total} product={product}"


@dsl.pipeline
def named_tuples(a: float = 2.0, b: float = 3.5) -> str:
    s = stats(a=a, b=b)
    return describe(total=s.outputs["sum"], product=s.outputs["product"]).output
