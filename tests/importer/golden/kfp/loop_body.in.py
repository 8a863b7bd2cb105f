"""A ParallelFor body of several steps, one collected: a sub-pipeline and a comprehension over it."""
from typing import List

from kfp import dsl


@dsl.component
def split_ids(ids: str) -> List[str]:
    return ids.split(",")


@dsl.component
def prepend_id(content: str, prefix: str) -> str:
    return prefix + content


@dsl.component
def consume_single_id(id: str) -> str:
    return id


@dsl.component
def consume_ids(ids: List[str]) -> str:
    return ",".join(ids)


@dsl.pipeline
def collecting(model_ids: str = "s1,s2", prefix: str = "model_") -> str:
    ids = split_ids(ids=model_ids)
    with dsl.ParallelFor(ids.output) as model_id:
        prepended = prepend_id(content=model_id, prefix=prefix)
        consume_single_id(id=prepended.output)
    return consume_ids(ids=dsl.Collected(prepended.output)).output
