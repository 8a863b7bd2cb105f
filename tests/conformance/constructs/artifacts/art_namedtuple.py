"""A NamedTuple of every artifact type and a value, each field read by its own task."""

from typing import NamedTuple

from flowc import Artifact, Dataset, Metrics, Model, pipeline, task


class Bundle(NamedTuple):
    data: Dataset
    model: Model
    metrics: Metrics
    other: Artifact
    size: int


def _write(path: str, text: str) -> None:
    with open(path, "w") as fh:
        fh.write(text)


@task
def make(text: str) -> Bundle:
    d, m, s, o = Dataset.create(), Model.create(), Metrics.create(), Artifact.create()
    for i, a in enumerate((d, m, s, o)):
        _write(a.path, f"{text}{i}")
    return Bundle(data=d, model=m, metrics=s, other=o, size=len(text))


@task
def read_four(d: Dataset, m: Model, s: Metrics, o: Artifact, size: int) -> str:
    parts = []
    for a in (d, m, s, o):
        with open(a.path) as fh:
            parts.append(fh.read())
    return f"{size}:" + ",".join(parts)


@pipeline
def art_namedtuple(text: str = "x") -> str:
    b = make(text=text)
    return read_four(d=b.data, m=b.model, s=b.metrics, o=b.other, size=b.size)
