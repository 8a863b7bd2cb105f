"""@dynamic whose body a pipeline can hold -> @pipeline: loops over an input list become comprehensions."""

from flowc import pipeline, task


@task
def square(x: int) -> int:
    return x * x


@task
def total(values: list[int]) -> int:
    return sum(values)


@task
def show(x: int) -> None:
    print(x)


# flowc import: `cache=True` of @dynamic has no flowc equivalent and was left out
@pipeline
def squares(xs: list[int]) -> int:
    """Square each item, then add them up."""
    # one square per item
    results = [square(x=x) for x in xs]
    return total(values=results)


@pipeline
def show_all(xs: list[int], loud: bool = False) -> None:
    if loud:
        for x in xs:
            show(x=x)


# flowc import: not translated: @dynamic counted: its body runs on the engine
def counted(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = square(x=i)
    return acc


@pipeline
def wf(xs: list[int] = [1, 2, 3]) -> int:
    show_all(xs=xs)
    return squares(xs=xs)
