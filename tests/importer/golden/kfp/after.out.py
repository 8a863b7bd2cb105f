"""`.after(...)` -> `with after(...)`, chained or as a statement of its own."""
from flowc import after, pipeline, task


@task(cache=True)
def step(name: str) -> str:
    return name


@pipeline
def ordered() -> None:
    first = step(name="first")
    with after(first):
        second = step(name="second")
    with after(first, second):
        third = step(name="third")
