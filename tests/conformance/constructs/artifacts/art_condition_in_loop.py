"""An artifact made per item, read only where a condition on the item's value holds."""

from flowc import Metrics, pipeline, task


@task
def measure(x: int) -> Metrics:
    out = Metrics.create()
    with open(out.path, "w") as fh:
        fh.write(str(x * 3))
    return out


@task
def read(m: Metrics) -> int:
    with open(m.path) as fh:
        return int(fh.read())


@pipeline
def art_condition_in_loop(xs: list[int] = [1, 2, 3]) -> None:
    for x in xs:
        m = measure(x=x)
        if x >= 2:
            read(m=m)
