"""One task called three times with artifact outputs, all three read by one task."""

from flowc import Dataset, pipeline, task


@task
def ingest(source: str) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(source)
    return out


@task
def merge(a: Dataset, b: Dataset, c: Dataset) -> str:
    texts = []
    for d in (a, b, c):
        with open(d.path) as fh:
            texts.append(fh.read())
    return "+".join(texts)


@pipeline
def art_three_calls(x: str = "one", y: str = "two", z: str = "three") -> str:
    return merge(a=ingest(source=x), b=ingest(source=y), c=ingest(source=z))


# Five runs: kfp.local once stored every call's outputs in one folder per component, so the
# answer changed from run to run (flowc now gives each call its own component).
RUNS = [{}, {"x": "a"}, {"y": "b"}, {"z": "c"}, {"x": "1", "y": "2", "z": "3"}]
