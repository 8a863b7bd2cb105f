"""One task called three times, each call's artifact read by one consumer."""

from flowc import Dataset, pipeline, task


@task
def ingest(label: str, size: int) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(label * size)
    return out


@task
def measure(a: Dataset, b: Dataset, c: Dataset) -> str:
    parts = []
    for d in (a, b, c):
        with open(d.path) as fh:
            parts.append(fh.read())
    return "|".join(parts)


@pipeline
def three_calls() -> str:
    a = ingest(label="a", size=1)
    b = ingest(label="b", size=2)
    c = ingest(label="c", size=3)
    return measure(a=a, b=b, c=c)
