# Modeled on the kfp samples samples/v2/pipeline_with_retry.py and
# samples/v2/parallel_after_dependency.py (https://github.com/kubeflow/pipelines,
# Apache License 2.0): .set_retry on calls and .after ordering steps that share no
# data. Written for flowc's import tests.
from kfp import dsl


@dsl.component
def print_op(message: str) -> str:
    print(message)
    return message


@dsl.component
def combine(first: str, second: str) -> str:
    return first + " / " + second


@dsl.pipeline
def retry_after(message: str = "hi") -> str:
    a = print_op(message=message).set_retry(num_retries=2)
    b = print_op(message="after a").after(a)
    c = combine(first=a.output, second=b.output)
    c.set_caching_options(False)
    return c.output
