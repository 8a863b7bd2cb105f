"""A Model written and read per item of a fan-out, the read values gathered."""

from flowc import Model, pipeline, task


@task
def write(text: str) -> Model:
    out = Model.create()
    with open(out.path, "w") as fh:
        fh.write(text * 2)
    return out


@task
def read(a: Model) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_loop_model(words: list[str] = ["a", "bc", "d"]) -> list[str]:
    return [read(a=write(text=w)) for w in words]
