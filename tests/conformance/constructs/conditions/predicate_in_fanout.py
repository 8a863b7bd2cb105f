"""`if xs:` inside a fan-out: the predicate step runs once per item, next to its condition."""

from flowc import pipeline, task


@task
def label(text: str) -> str:
    return text


@pipeline
def predicate_in_fanout_classify(xs: list[int]) -> str:
    if xs:
        out = label(text="some")
    else:
        out = label(text="none")
    return out


@pipeline
def predicate_in_fanout(groups: list[list[int]] = [[], [1], []]) -> list[str]:
    labels = [predicate_in_fanout_classify(xs=g) for g in groups]
    return labels


RUNS = [{}, {"groups": [[1, 2]]}]
