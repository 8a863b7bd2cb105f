"""A sub-pipeline taking an artifact parameter."""

from flowc import Dataset, pipeline, task


@task
def make(text: str) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def length(data: Dataset) -> int:
    with open(data.path) as fh:
        return len(fh.read())


@pipeline
def sub_artifact_param_inner(data: Dataset) -> int:
    return length(data=data)


@pipeline
def sub_artifact_param(text: str = "hello") -> int:
    return sub_artifact_param_inner(data=make(text=text))


RUNS = [{}, {"text": ""}]
XFAIL = {"kfp": "kfp-dag-artifact-only"}
