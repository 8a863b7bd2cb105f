"""A Dataset produced in either branch of an `if/else` and read after it."""

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
def art_branch_dataset(big: bool = True) -> str:
    if big:
        a = write(text="BIG")
    else:
        a = write(text="small")
    return read(a=a)


RUNS = [{}, {"big": False}]
XFAIL = {"kfp": "kfp-oneof-artifact"}
