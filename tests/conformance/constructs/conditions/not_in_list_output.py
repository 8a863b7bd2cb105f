"""`x not in list_output`: membership in a list a step returned."""

from flowc import pipeline, task


@task
def make(n: int) -> list[int]:
    return list(range(n))


@task
def label(text: str) -> str:
    return text


@pipeline
def not_in_list_output(x: int = 2, n: int = 3) -> str:
    xs = make(n=n)
    if x not in xs:
        out = label(text="missing")
    else:
        out = label(text="present")
    return out


RUNS = [{}, {"x": 5}]
