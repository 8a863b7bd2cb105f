"""A sub-pipeline with no result called in a `for` loop."""

from flowc import pipeline, task


@task
def note(s: str) -> str:
    return s + "."


@task
def emit(s: str) -> None:
    print(s)


@pipeline
def sub_in_for_inner(s: str) -> None:
    emit(s=note(s=s))


@pipeline
def sub_in_for(words: list[str] = ["a", "b"]) -> None:
    for w in words:
        sub_in_for_inner(s=w)
