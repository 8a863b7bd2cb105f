"""A Dataset returned by a sub-pipeline and passed into another."""

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
def art_sub_dataset_make(text: str) -> Dataset:
    return write(text=text)


@pipeline
def art_sub_dataset_use(a: Dataset) -> str:
    return read(a=a)


@pipeline
def art_sub_dataset(text: str = "via sub") -> str:
    return art_sub_dataset_use(a=art_sub_dataset_make(text=text))


XFAIL = {"kfp": "kfp-dag-artifact-only"}
