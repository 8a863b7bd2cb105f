"""A pipeline whose only result is a parameter (after a task it does not depend on)."""

from flowc import pipeline, task


@task
def log(s: str) -> None:
    print(s)


@pipeline
def ret_param_only(s: str = "same") -> str:
    log(s=s)
    return s


RUNS = [{}, {"s": ""}]
