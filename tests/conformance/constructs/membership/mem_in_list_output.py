"""`in` a list that a task returned."""

from flowc import pipeline, task


@task
def allowed(n: int) -> list[str]:
    return [f"v{i}" for i in range(n)]


@task
def go(name: str) -> str:
    return name + " go"


@pipeline
def mem_in_list_output(name: str = "v1", n: int = 3) -> None:
    names = allowed(n=n)
    if name in names:
        go(name=name)


RUNS = [{}, {"n": 1}, {"n": 0}, {"name": "x"}]
