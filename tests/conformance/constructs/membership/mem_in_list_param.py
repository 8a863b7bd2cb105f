"""`in` a list parameter (`if pick in allowed:`)."""

from flowc import pipeline, task


@task
def choose(pick: str) -> str:
    return pick


@task
def accept(pick: str) -> str:
    return "ok " + pick


@task
def reject(pick: str) -> str:
    return "no " + pick


@pipeline
def mem_in_list_param(pick: str = "b", allowed: list[str] = ["a", "b"]) -> str:
    p = choose(pick=pick)
    if p in allowed:
        r = accept(pick=p)
    else:
        r = reject(pick=p)
    return r


RUNS = [{}, {"pick": "z"}, {"allowed": []}, {"pick": "z", "allowed": ["z"]}]
