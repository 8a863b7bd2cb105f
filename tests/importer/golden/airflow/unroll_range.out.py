"""A build-time `for i in range(3):` over task groups in the DAG body -> three copies (names suffixed)."""
from flowc import after, pipeline, task


@task
def start() -> None:
    print("start")


@task
def work(value: int) -> int:
    return value * 2


@task
def end() -> None:
    print("end")


@pipeline
def group(value: int) -> None:
    work(value)


@pipeline
def unroll_range() -> None:
    first = start()
    with after(first):
        made_1 = group(1)
    with after(first):
        made_2 = group(2)
    with after(first):
        made_3 = group(3)
    with after(made_1, made_2, made_3):
        last = end()
