"""`in` a literal list of strings, on a task output."""

from flowc import pipeline, task


@task
def label(s: str) -> str:
    return s.strip()


@task
def known(s: str) -> str:
    return "known " + s


@pipeline
def mem_in_literal_list(s: str = "b") -> None:
    tag = label(s=s)
    if tag in ["a", "b", "c"]:
        known(s=tag)


RUNS = [{}, {"s": "d"}, {"s": " c "}]
