"""A Artifact written by one task and read by the next."""

from flowc import Artifact, pipeline, task


@task
def write(text: str) -> Artifact:
    out = Artifact.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def read(a: Artifact) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_chain_artifact(text: str = "payload") -> str:
    return read(a=write(text=text))
