"""A `for` loop: fan-out without fan-in, each item runs two chained tasks."""

from flowc import pipeline, task


@task
def fetch(name: str) -> str:
    return name * 2


@task
def store(data: str) -> None:
    print(data)


@pipeline
def fan_for_loop(names: list[str] = ["x", "y", "z"]) -> None:
    for n in names:
        store(data=fetch(name=n))


RUNS = [{}, {"names": []}]
