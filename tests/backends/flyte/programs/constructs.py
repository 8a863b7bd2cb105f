"""Constructs the examples do not cover."""

from typing import NamedTuple

import flowc as fc
from flowc import Dataset as D, after, container_task, pipeline, task

BANNER = """line one
  indented "quoted" line
end"""


class Pair(NamedTuple):
    label: str
    size: int


@task
def make(n: int) -> list[int]:
    return list(range(n))


@task
def square(x: int) -> int:
    return x * x


@task
def add(a: int, b: int) -> int:
    return a + b


@task
def label(x: int, big: bool) -> str:
    return ("big-" if big else "small-") + str(x)


@task
def write(text: str) -> D:
    out = D.create()
    with open(out.path, "w") as fh:
        fh.write(text)
    return out


@task
def measure(data: fc.Dataset) -> Pair:
    with open(data.path) as fh:
        text = fh.read()
    return Pair(label=text[:4], size=len(text))


@task
def banner() -> str:
    return BANNER


@task
def is_even(x: int) -> bool:
    return x % 2 == 0


@task
def note(x: int) -> None:
    print("note", x)


@container_task(image="busybox:1.36", command=["sh", "-c", "cat \"$0\" | wc -c | tr -d ' ' > \"$1\"", "{data}", "{output}"])
def count_bytes(data: D) -> int: ...


@container_task(image="busybox:1.36", command=["sh", "-c", "printf '%s!' \"$0\" > \"$1\"", "{text}", "{output}"])
def shout(text: str) -> D: ...


@pipeline
def chains(n: int = 3, offset: int = 10) -> list[int]:
    """A fan-out whose body has two tasks, the second using an outer value."""
    base = square(x=offset)
    return [add(a=square(x=i), b=base) for i in make(n=n)]


@pipeline
def branchy(x: int = 3, limit: int = 5) -> tuple[str, int]:
    """Values out of branches with several steps each, and `not`."""
    if x > limit:
        big = square(x=x)
        name = label(x=big, big=True)
        size = add(a=big, b=1)
    elif not x != limit:
        name = label(x=x, big=False)
        size = add(a=x, b=0)
    else:
        name = label(x=square(x=x), big=False)
        size = square(x=x)
    return name, size


@pipeline
def looped_branches(xs: list[int] = [1, 2, 3, 4]) -> list[int]:
    """A condition inside a loop body, and a nested loop over a list made inside the body."""
    out = [add(a=x, b=1) for x in xs]
    for x in xs:
        even = is_even(x=x)
        if even:
            note(x=x)
    grid = [[square(x=j) for j in make(n=x)] for x in xs]
    with after(grid):
        note(x=0)
    return out


@pipeline
def files(text: str = "hello world") -> Pair:
    """Artifacts through Python and container tasks, a multi-line constant in task code."""
    data = write(text=text)
    n = count_bytes(data=data)
    loud = shout(text=banner())
    datas = [write(text=t) for t in ["a", "bb"]]
    counts = [count_bytes(data=d) for d in datas]
    measured = measure(data=loud)
    return measured


@pipeline
def uses_files(text: str = "abc") -> int:
    m = files(text=text)
    return m.size


@pipeline
def mixed(x: int = 3) -> str:
    """One branch is a single call, the other a sub-workflow: both give the value `o0`."""
    if x > 2:
        name = label(x=x, big=True)
    else:
        name = label(x=square(x=x), big=False)
    return name
