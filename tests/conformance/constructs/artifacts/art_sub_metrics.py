"""A Metrics returned by a sub-pipeline and passed into another."""

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
def art_sub_metrics_make(text: str) -> Metrics:
    return write(text=text)


@pipeline
def art_sub_metrics_use(a: Metrics) -> str:
    return read(a=a)


@pipeline
def art_sub_metrics(text: str = "via sub") -> str:
    return art_sub_metrics_use(a=art_sub_metrics_make(text=text))


XFAIL = {"kfp": "kfp-dag-artifact-only"}
