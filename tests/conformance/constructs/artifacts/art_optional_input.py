"""A task with an artifact input and a parameter that has a `None` default, called with only the artifact."""

from flowc import Dataset, pipeline, task


@task
def write(text: str) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def read(d: Dataset, suffix: str | None = None) -> str:
    with open(d.path) as fh:
        return fh.read() + (suffix or "")


@pipeline
def art_optional_input(text: str = "t") -> str:
    return read(d=write(text=text))
