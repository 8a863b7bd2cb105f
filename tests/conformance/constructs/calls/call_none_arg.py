"""`None` passed explicitly to an optional task parameter."""

from flowc import pipeline, task


@task
def maybe(v: int | None) -> str:
    return "nothing" if v is None else str(v)


@pipeline
def call_none_arg() -> str:
    return maybe(v=None)


GAPS = {
    "kfp": "a None constant argument: kfp's loader refuses it (kfp/compiler/pipeline_spec_builder.py to_protobuf_value)",
}
