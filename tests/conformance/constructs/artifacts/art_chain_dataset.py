"""A Dataset written by one task and read by the next."""

from flowc import Dataset, pipeline, task


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
def art_chain_dataset(text: str = "payload") -> str:
    return read(a=write(text=text))
