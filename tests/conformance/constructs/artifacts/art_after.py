"""An artifact handle in `after`, its consumer ordered after a second writer."""

from flowc import Dataset, after, pipeline, task


@task
def write(text: str) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def read(a: Dataset) -> str:
    with open(a.path) as fh:
        return fh.read()


@pipeline
def art_after(text: str = "t") -> str:
    first = write(text=text)
    second = write(text="other")
    with after(second):
        r = read(a=first)
    return r
