"""A Model returned by a sub-pipeline and passed into another."""

from flowc import Model, pipeline, task


@task
def write(text: str) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def read(a: Model) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_sub_model_make(text: str) -> Model:
    return write(text=text)


@pipeline
def art_sub_model_use(a: Model) -> str:
    return read(a=a)


@pipeline
def art_sub_model(text: str = "via sub") -> str:
    return art_sub_model_use(a=art_sub_model_make(text=text))


XFAIL = {"kfp": "kfp-dag-artifact-only"}
