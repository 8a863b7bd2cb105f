"""A fan-in list of Artifact artifacts passed whole to one task."""

from flowc import Artifact, pipeline, task


@task
def write(n: int) -> Artifact:
    out = Artifact.create()
    with open(out.path, "w") as fh:
        fh.write(str(n * n))
    return out


@task
def read_all(items: list[Artifact]) -> list[int]:
    values = []
    for a in items:
        with open(a.path) as fh:
            values.append(int(fh.read()))
    return values


@pipeline
def art_fanin_artifact(ns: list[int] = [3, 1, 2]) -> list[int]:
    return read_all(items=[write(n=n) for n in ns])


RUNS = [{}, {"ns": [7]}]
