"""A Artifact returned by a sub-pipeline and passed into another."""

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
def art_sub_artifact_make(text: str) -> Artifact:
    return write(text=text)


@pipeline
def art_sub_artifact_use(a: Artifact) -> str:
    return read(a=a)


@pipeline
def art_sub_artifact(text: str = "via sub") -> str:
    return art_sub_artifact_use(a=art_sub_artifact_make(text=text))


XFAIL = {"kfp": "kfp-dag-artifact-only"}
