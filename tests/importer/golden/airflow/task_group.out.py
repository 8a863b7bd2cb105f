"""TaskGroups are flattened into the pipeline; `>>` on a group orders each of its steps."""
from flowc import after, pipeline, task


@task
def extract(source: str) -> str:
    return source


@task
def clean(raw: str) -> str:
    return raw.strip()


@task
def publish() -> None:
    print("published")


@pipeline
def grouped() -> None:
    start = extract("start")
    # task group "processing"
    # flowc import: `tooltip="the middle part"` of the TaskGroup has no flowc equivalent and was left out
    with after(start):
        a = clean(extract("a"))
    with after(start):
        b = clean(extract("b"))
    with after(a, b):
        done = publish()
