"""A Metrics written by one task and read by the next."""

from flowc import Metrics, pipeline, task


@task
def write(text: str) -> Metrics:
    out = Metrics.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def read(a: Metrics) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_chain_metrics(text: str = "payload") -> str:
    return read(a=write(text=text))
