"""`x != None` on a `float | None` output is not truthiness: 0.0 is not None."""

from flowc import pipeline, task


@task
def maybe(n: int) -> float | None:
    return None if n < 0 else float(n)


@task
def label(text: str) -> str:
    return text


@pipeline
def none_compare(n: int = -1) -> str:
    x = maybe(n=n)
    if x != None:  # noqa: E711 (the DSL compares with None)
        out = label(text="set")
    else:
        out = label(text="unset")
    return out


RUNS = [{}, {"n": 0}, {"n": 4}]
XFAIL = {"kfp-O0": "kfp.local cannot pass a None value to a task input (kfp/local/executor_input_utils.py, construct_executor_input -> kfp/compiler/pipeline_spec_builder.py, to_protobuf_value)"}
