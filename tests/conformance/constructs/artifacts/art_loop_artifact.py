"""A Artifact written and read per item of a fan-out, the read values gathered."""

from flowc import Artifact, pipeline, task


@task
def write(text: str) -> Artifact:
    out = Artifact.create()
    with open(out.path, "w") as fh:
        fh.write(text * 2)
    return out


@task
def read(a: Artifact) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_loop_artifact(words: list[str] = ["a", "bc", "d"]) -> list[str]:
    return [read(a=write(text=w)) for w in words]
