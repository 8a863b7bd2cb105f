"""`>>`, `<<`, chain() and EmptyOperators -> `with after(...)`."""
from flowc import after, pipeline, task


@task
def step(name: str) -> str:
    return name


@pipeline
def ordering() -> None:

    # flowc import: EmptyOperator `start` (a no-op; the order through it is kept) has no flowc equivalent and was left out
    a = step("a")
    with after(a):
        b = step("b")
    with after(a):
        c = step("c")
    with after(c):
        d = step("d")
    step_1 = step("e")
    with after(step_1):
        step_2 = step("f")
