"""A Model written by one task and read by the next."""

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
def art_chain_model(text: str = "payload") -> str:
    return read(a=write(text=text))
