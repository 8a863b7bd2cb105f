"""Fan-out over a list a task returned; the fan-in keeps the order."""

from flowc import pipeline, task


@task
def items(n: int) -> list[int]:
    return list(range(n, 0, -1))


@task
def square(x: int) -> int:
    return x * x


@task
def listed(xs: list[int]) -> str:
    return " ".join(str(x) for x in xs)


@pipeline
def fan_list_output(n: int = 4) -> str:
    return listed(xs=[square(x=i) for i in items(n=n)])


RUNS = [{}, {"n": 1}]
