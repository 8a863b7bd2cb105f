"""A Metrics written and read per item of a fan-out, the read values gathered."""

from flowc import Metrics, pipeline, task


@task
def write(text: str) -> Metrics:
    out = Metrics.create()
    with open(out.path, "w") as fh:
        fh.write(text * 2)
    return out


@task
def read(a: Metrics) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_loop_metrics(words: list[str] = ["a", "bc", "d"]) -> list[str]:
    return [read(a=write(text=w)) for w in words]
