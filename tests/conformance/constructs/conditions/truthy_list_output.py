"""`if xs:` on a list a step returned: [] is false, [1] is true."""

from flowc import pipeline, task


@task
def make(n: int) -> list[int]:
    return list(range(1, n + 1))


@task
def label(text: str) -> str:
    return text


@pipeline
def truthy_list_output(n: int = 0) -> str:
    xs = make(n=n)
    if xs:
        out = label(text="then")
    else:
        out = label(text="else")
    return out


RUNS = [{}, {"n": 1}]
