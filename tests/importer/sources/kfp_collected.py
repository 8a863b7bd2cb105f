# Modeled on the kfp sample samples/v2/collected_parameters.py
# (https://github.com/kubeflow/pipelines, Apache License 2.0): dsl.ParallelFor over a
# task's list output, and dsl.Collected gathering the iterations. Written for flowc's import tests.
from typing import List

from kfp import dsl


@dsl.component
def split_ids(ids: str) -> List[str]:
    return ids.split(",")


@dsl.component
def prepend_id(content: str) -> str:
    return f"model_id_{content}"


@dsl.component
def consume_single_id(id: str) -> str:
    print(f"Consuming single: {id}")
    return "completed"


@dsl.component
def join_ids(ids: List[str]) -> str:
    return ";".join(sorted(ids))


@dsl.pipeline
def collecting_parameters(model_ids: str = "s1,s2,s3") -> str:
    ids = split_ids(ids=model_ids)
    ids.set_caching_options(False)
    with dsl.ParallelFor(ids.output) as model_id:
        prepended = prepend_id(content=model_id).set_retry(1)
        consume_single_id(id=prepended.output)
    joined = join_ids(ids=dsl.Collected(prepended.output))
    return joined.output
