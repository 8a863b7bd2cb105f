"""@dynamic whose body a pipeline can hold -> @pipeline: loops over an input list become comprehensions."""
from typing import List

from flytekit import dynamic, task, workflow


@task
def square(x: int) -> int:
    return x * x


@task
def total(values: List[int]) -> int:
    return sum(values)


@task
def show(x: int) -> None:
    print(x)


@dynamic(cache=True)  # E: FLC903
def squares(xs: List[int]) -> int:
    """Square each item, then add them up."""
    # one square per item
    results = []
    for x in xs:
        results.append(square(x=x))
    return total(values=results)


@dynamic
def show_all(xs: List[int], loud: bool = False) -> None:
    if loud:
        for x in xs:
            show(x=x)


@dynamic  # E: FLC902
def counted(n: int) -> int:
    acc = 0
    for i in range(n):
        acc = square(x=i)
    return acc


@workflow
def wf(xs: List[int] = [1, 2, 3]) -> int:
    show_all(xs=xs)
    return squares(xs=xs)
