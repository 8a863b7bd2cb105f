"""An `elif` is tested only when the arms before it did not hold (`None > 2` would raise)."""

from flowc import pipeline, task


@task
def maybe(n: int) -> float | None:
    return None if n < 0 else float(n)


@task
def label(text: str) -> str:
    return text


@pipeline
def elif_short_circuit(n: int = -1) -> str:
    v = maybe(n=n)
    if v == None:  # noqa: E711
        out = label(text="none")
    elif v > 2:
        out = label(text="big")
    else:
        out = label(text="small")
    return out


RUNS = [{}, {"n": 3}, {"n": 0}]
XFAIL = {"kfp": "kfp.local cannot pass a None value to a task input (kfp/local/executor_input_utils.py, construct_executor_input -> kfp/compiler/pipeline_spec_builder.py, to_protobuf_value)"}
