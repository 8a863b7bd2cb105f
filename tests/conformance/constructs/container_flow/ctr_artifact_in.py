"""A container task reading a Dataset a Python task wrote, its output used in a condition."""

from flowc import Dataset, container_task, pipeline, task


@task
def write(text: str) -> Dataset:
    out = Dataset.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@container_task(image="busybox:1.36", command=["sh", "-c", "wc -c < \"$0\" | tr -d ' ' > \"$1\"", "{data}", "{output}"])
def size_of(data: Dataset) -> int: ...


@task
def large(n: int) -> str:
    return f"large {n}"


@pipeline
def ctr_artifact_in(text: str = "abcdef") -> None:
    n = size_of(data=write(text=text))
    if n > 3:
        large(n=n)


RUNS = [{}, {"text": "ab"}]
STANDINS = {"size_of": lambda data: len(open(data.path).read())}
